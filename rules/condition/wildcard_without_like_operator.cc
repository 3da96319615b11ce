// IAM312: `*` or `?` in a value of an operator that compares literally.
#include <string>

#include "ast/policy_variable.h"
#include "catalog/glob.h"
#include "condition/operator_family.h"
#include "engine/rule.h"

namespace iamlint::rules {
namespace {

// StringEquals -> StringLike, StringNotEqualsIgnoreCase -> StringNotLike.
std::string_view like_form(const ast::ConditionOperator& op) {
  return operators::is_negated(op) ? "StringNotLike" : "StringLike";
}

class WildcardWithoutLikeOperator final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"correctness", "condition"};
  static constexpr std::string_view kCodes[] = {"WILDCARD_WITHOUT_LIKE_OPERATOR"};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM312",
      .name = "wildcard-without-like-operator",
      .level = engine::Level::kWarning,
      .summary = "A condition value contains * or ? but its operator compares literally",
      .tags = kTags,
      .precision = engine::Precision::kHigh,
      .access_analyzer_codes = kCodes,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_condition(const ast::Statement&, const ast::Condition& condition,
                       engine::RuleContext& ctx) const override {
    if (operators::family_of(condition.op) != operators::Family::kString ||
        operators::is_like(condition.op))
      return;
    for (const ast::ConditionValue& value : condition.values) {
      // ${*} and ${?} are the way to write a literal * or ? and are not wildcards.
      if (!catalog::has_wildcard(ast::policy_variable::without_variables(value.text))) continue;
      ctx.report(value.range,
                 "\"{}\" contains a wildcard, but {} compares it literally; use {} if * and ? "
                 "should match (or ${{*}} / ${{?}} for literal characters)",
                 value.text, condition.op.base, like_form(condition.op));
    }
  }
};

IAMLINT_REGISTER_RULE(WildcardWithoutLikeOperator);

}  // namespace
}  // namespace iamlint::rules
