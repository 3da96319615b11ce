// IAM350: a condition key under a known service prefix that the service does not define, where
// the catalogue shows what was meant (s3:SourceIp for aws:SourceIp, a misspelt key name).
#include "condition/condition_key_catalog.h"
#include "engine/rule.h"

namespace iamlint::rules {
namespace {

constexpr std::string_view kTags[] = {"correctness", "condition"};
constexpr std::string_view kCodes[] = {"INVALID_SERVICE_CONDITION_KEY"};
constexpr engine::Equivalent kEquivalents[] = {{"Parliament", "UNKNOWN_CONDITION_FOR_ACTION"}};

class UnknownServiceConditionKey final : public engine::Rule {
 public:
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM350",
      .name = "unknown-service-condition-key",
      .level = engine::Level::kError,
      .summary =
          "A service condition key does not exist; the key meant is a global one or is spelt "
          "differently",
      .tags = kTags,
      .precision = engine::Precision::kHigh,
      .access_analyzer_codes = kCodes,
      .equivalents = kEquivalents,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_condition(const ast::Statement&, const ast::Condition& condition,
                       engine::RuleContext& ctx) const override {
    std::optional<condition_keys::UnknownServiceKey> unknown =
        condition_keys::diagnose_service_key(condition.key.value);
    if (!unknown || !unknown->mistake) return;
    ctx.report(condition.key.range, "{} ({}) has no condition key \"{}\"; did you mean \"{}\"?",
               unknown->service.prefix(), unknown->service.name(), condition.key.value,
               *unknown->suggestion);
  }
};

IAMLINT_REGISTER_RULE(UnknownServiceConditionKey);

}  // namespace
}  // namespace iamlint::rules
