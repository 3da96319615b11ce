// IAM324: a kms:ViaService value written as a service principal ("secretsmanager.amazonaws.com")
// instead of the service's regional endpoint name ("secretsmanager.eu-west-1.amazonaws.com").
// KMS compares the endpoint name, which always holds a Region, so the value never matches.
#include "ast/policy_variable.h"
#include "catalog/ascii.h"
#include "catalog/glob.h"
#include "engine/rule.h"

namespace iamlint::rules {
namespace {

// "secretsmanager" for "secretsmanager.amazonaws.com" (or ".amazonaws.com.cn"): a value with no
// Region between the service and the domain. Empty when the value has a Region or is no endpoint.
std::string_view service_without_region(std::string_view value) {
  for (std::string_view domain : {".amazonaws.com", ".amazonaws.com.cn"}) {
    if (value.size() <= domain.size() ||
        !catalog::equals_folded(value.substr(value.size() - domain.size()), domain))
      continue;
    std::string_view service = value.substr(0, value.size() - domain.size());
    if (service.find('.') == std::string_view::npos) return service;
  }
  return {};
}

class ViaServiceWithoutRegion final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"correctness", "condition", "kms"};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM324",
      .name = "via-service-without-region",
      .level = engine::Level::kError,
      .summary =
          "A kms:ViaService value names a service without its Region, so it never matches the "
          "endpoint name KMS compares",
      .tags = kTags,
      .precision = engine::Precision::kVeryHigh,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_condition(const ast::Statement&, const ast::Condition& condition,
                       engine::RuleContext& ctx) const override {
    if (!catalog::equals_folded(condition.key.value, "kms:ViaService")) return;
    for (const ast::ConditionValue& value : condition.values) {
      // A wildcard or a variable may stand for the Region.
      if (value.kind != json::Kind::kString || catalog::has_wildcard(value.text) ||
          !ast::policy_variable::find_variables(value.text).empty())
        continue;
      const std::string_view service = service_without_region(value.text);
      if (service.empty()) continue;
      ctx.report(value.range,
                 "kms:ViaService holds the endpoint name of the service that calls KMS, with its "
                 "Region, so \"{}\" never matches; write \"{}.<region>.amazonaws.com\" (e.g. "
                 "\"{}.us-east-1.amazonaws.com\"), one value per Region",
                 value.text, service, service);
    }
  }
};

IAMLINT_REGISTER_RULE(ViaServiceWithoutRegion);

}  // namespace
}  // namespace iamlint::rules
