// IAM203: an Allow statement on Resource "*" applies its actions to every resource.
#include "engine/rule.h"

namespace iamlint::rules {
namespace {

constexpr std::string_view kTags[] = {"security", "least-privilege"};
constexpr engine::Equivalent kEquivalents[] = {
    {"Parliament", "RESOURCE_STAR"}, {"Checkov", "CKV_AWS_355"}, {"Checkov", "CKV_AWS_356"}};

class WildcardResource final : public engine::Rule {
 public:
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM203",
      .name = "wildcard-resource",
      .level = engine::Level::kWarning,
      .summary = "An Allow statement applies to every resource",
      .tags = kTags,
      // Some actions accept only "*"; until the action catalogue tells them apart, this is medium.
      .precision = engine::Precision::kMedium,
      .security_severity = "5.0",
      .equivalents = kEquivalents,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_statement(const ast::Statement& statement, engine::RuleContext& ctx) const override {
    if (!statement.allows() || !statement.resource) return;
    for (const ast::Resource& resource : statement.resource->entries) {
      if (resource.text.value != "*") continue;
      ctx.report(resource.text.range,
                 "Resource \"*\" applies the allowed actions to every resource in every account "
                 "the principal can reach");
    }
  }
};

IAMLINT_REGISTER_RULE(WildcardResource);

}  // namespace
}  // namespace iamlint::rules
