// IAM314: a "*" pattern under a String Like operator: the key then tests only presence (positive
// form) or the statement applies only when the key is absent (negated form).
#include <algorithm>

#include "condition/operator_family.h"
#include "engine/rule.h"

namespace iamlint::rules {
namespace {

bool matches_everything(std::string_view pattern) {
  return !pattern.empty() &&
         std::all_of(pattern.begin(), pattern.end(), [](char c) { return c == '*'; });
}

class MatchAllConditionPattern final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"style", "condition"};
  static constexpr std::string_view kCodes[] = {"REDUNDANT_KEY_DUE_TO_WILDCARD_IN_CONDITION",
                                                "REDUNDANT_STATEMENT_DUE_TO_WILDCARD_IN_CONDITION"};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM314",
      .name = "match-all-condition-pattern",
      .level = engine::Level::kNote,
      .summary =
          "A StringLike or StringNotLike condition has the pattern \"*\", which matches every "
          "value",
      .tags = kTags,
      .precision = engine::Precision::kHigh,
      .access_analyzer_codes = kCodes,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_condition(const ast::Statement&, const ast::Condition& condition,
                       engine::RuleContext& ctx) const override {
    if (operators::family_of(condition.op) != operators::Family::kString ||
        !operators::is_like(condition.op))
      return;
    auto it = std::find_if(
        condition.values.begin(), condition.values.end(),
        [](const ast::ConditionValue& value) { return matches_everything(value.text); });
    if (it == condition.values.end()) return;
    const std::string_view key = condition.key.value;
    if (!operators::is_negated(condition.op)) {
      ctx.report(it->range,
                 "\"{}\" matches every value, so this {} only tests that \"{}\" is present; write "
                 "\"Null\": {{\"{}\": \"false\"}} instead, or remove it",
                 it->text, condition.op.text.value, key, key)
          .code("REDUNDANT_KEY_DUE_TO_WILDCARD_IN_CONDITION");
    } else if (condition.op.qualifier != ast::SetQualifier::kForAllValues) {
      ctx.report(it->range,
                 "\"{}\" matches every value, so this {} never matches a request that has \"{}\"; "
                 "write \"Null\": {{\"{}\": \"true\"}} if the statement is meant for requests "
                 "without it",
                 it->text, condition.op.text.value, key, key)
          .code("REDUNDANT_STATEMENT_DUE_TO_WILDCARD_IN_CONDITION");
    }
  }
};

IAMLINT_REGISTER_RULE(MatchAllConditionPattern);

}  // namespace
}  // namespace iamlint::rules
