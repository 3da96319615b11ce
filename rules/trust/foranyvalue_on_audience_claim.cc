// IAM507: ForAnyValue on an OIDC audience claim, which holds one value: with a negated operator
// or an absent claim it matches more than intended.
#include "audience_claim.h"
#include "engine/rule.h"

namespace iamlint::rules {
namespace {

class ForanyvalueOnAudienceClaim final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"security", "trust", "federation", "oidc"};
  static constexpr std::string_view kCodes[] = {"FORANYVALUE_WITH_AUDIENCE_CLAIM_TYPE"};
  static constexpr ast::PolicyKind kKinds[] = {ast::PolicyKind::kTrust};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM507",
      .name = "foranyvalue-on-audience-claim",
      .level = engine::Level::kWarning,
      .summary = "ForAnyValue is used on a single-valued OIDC audience (aud) claim",
      .tags = kTags,
      .precision = engine::Precision::kHigh,
      .security_severity = "5.0",
      .access_analyzer_codes = kCodes,
      .policy_kinds = kKinds,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_condition(const ast::Statement& /*statement*/, const ast::Condition& condition,
                       engine::RuleContext& ctx) const override {
    if (condition.op.qualifier != ast::SetQualifier::kForAnyValue ||
        !trust::is_audience_key(condition.key.value)) {
      return;
    }
    ctx.report(condition.op.text.range,
               "\"{}\" is a single-valued audience claim, and \"{}\" can be overly permissive on "
               "it; write \"{}\" without the ForAnyValue: qualifier",
               condition.key.value, condition.op.text.value, condition.op.text.value.substr(12));
  }
};

IAMLINT_REGISTER_RULE(ForanyvalueOnAudienceClaim);

}  // namespace
}  // namespace iamlint::rules
