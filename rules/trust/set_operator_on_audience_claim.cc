// IAM508: ForAllValues on an OIDC audience claim: right only if the provider sends the claim as
// an array.
#include "audience_claim.h"
#include "engine/rule.h"

namespace iamlint::rules {
namespace {

class SetOperatorOnAudienceClaim final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"trust", "federation", "oidc"};
  static constexpr std::string_view kCodes[] = {"CONFIRM_AUDIENCE_CLAIM_TYPE"};
  static constexpr ast::PolicyKind kKinds[] = {ast::PolicyKind::kTrust};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM508",
      .name = "set-operator-on-audience-claim",
      .level = engine::Level::kNote,
      .summary =
          "ForAllValues is used on an OIDC audience (aud) claim, which is usually single-valued",
      .tags = kTags,
      .precision = engine::Precision::kMedium,
      .access_analyzer_codes = kCodes,
      .policy_kinds = kKinds,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_condition(const ast::Statement& /*statement*/, const ast::Condition& condition,
                       engine::RuleContext& ctx) const override {
    if (condition.op.qualifier != ast::SetQualifier::kForAllValues ||
        !trust::is_audience_key(condition.key.value)) {
      return;
    }
    ctx.report(condition.op.text.range,
               "\"{}\" uses ForAllValues on the audience claim \"{}\"; keep it only if your "
               "provider sends aud as an array, otherwise write \"{}\"",
               condition.op.text.value, condition.key.value, condition.op.text.value.substr(13));
  }
};

IAMLINT_REGISTER_RULE(SetOperatorOnAudienceClaim);

}  // namespace
}  // namespace iamlint::rules
