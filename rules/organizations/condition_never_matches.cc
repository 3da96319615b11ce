// IAM410: a condition no request satisfies, so its statement never applies. In a Deny it is a
// guardrail that guards nothing (`StringEquals aws:PrincipalArn "arn:aws:iam::*:root"`); in an
// Allow of an SCP or boundary it caps away what it was written to let through.
#include "analysis/condition_never_matches.h"
#include "engine/rule.h"

namespace iamlint::rules {
namespace {

class ConditionNeverMatches final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"correctness", "guardrail"};
  // IAM312 names the wildcard an operator compares literally; this says what that costs.
  static constexpr std::string_view kAbsorbs[] = {"IAM312"};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM410",
      .name = "condition-never-matches",
      .level = engine::Level::kWarning,
      .summary = "A condition holds for no request, so its statement never applies",
      .tags = kTags,
      .precision = engine::Precision::kVeryHigh,
      .absorbs = kAbsorbs,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_condition(const ast::Statement& statement, const ast::Condition& condition,
                       engine::RuleContext& ctx) const override {
    std::optional<std::string> why = analysis::never_matches(condition);
    if (!why) return;
    ctx.report(condition.values_range, "{}: this {} never applies", *why,
               statement.effect == ast::Effect::kDeny ? "Deny" : "statement");
  }
};

IAMLINT_REGISTER_RULE(ConditionNeverMatches);

}  // namespace
}  // namespace iamlint::rules
