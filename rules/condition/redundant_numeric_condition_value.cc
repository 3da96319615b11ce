// IAM313: several values for a Numeric less-than or greater-than operator, where one bound
// suffices.
#include <cstdlib>
#include <string>

#include "condition/operator_family.h"
#include "condition/value_format.h"
#include "engine/rule.h"

namespace iamlint::rules {
namespace {

class RedundantNumericConditionValue final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"style", "condition"};
  static constexpr std::string_view kCodes[] = {"REDUNDANT_CONDITION_VALUE_NUM"};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM313",
      .name = "redundant-numeric-condition-value",
      .level = engine::Level::kNote,
      .summary =
          "A Numeric less-than or greater-than condition lists several values where one bound "
          "suffices",
      .tags = kTags,
      .precision = engine::Precision::kVeryHigh,
      .access_analyzer_codes = kCodes,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_condition(const ast::Statement&, const ast::Condition& condition,
                       engine::RuleContext& ctx) const override {
    const std::string_view base = condition.op.base;
    const bool less = base.starts_with("NumericLessThan");
    if ((!less && !base.starts_with("NumericGreaterThan")) ||
        condition.op.qualifier != ast::SetQualifier::kNone || condition.values.size() < 2) {
      return;
    }
    const ast::ConditionValue* bound = nullptr;
    double bound_number = 0;
    for (const ast::ConditionValue& value : condition.values) {
      if (!value_format::is_number(value.text)) return;  // IAM307 reports it; no bound is certain
      double number = std::strtod(std::string(value.text).c_str(), nullptr);
      if (bound == nullptr || (less ? number > bound_number : number < bound_number)) {
        bound = &value;
        bound_number = number;
      }
    }
    for (const ast::ConditionValue& value : condition.values) {
      if (&value == bound) continue;
      ctx.report(
          value.range,
          "{} value {} is redundant: the values are ORed and {} already admits {}; remove it", base,
          value.text, bound->text, less ? "every smaller number" : "every greater number");
    }
  }
};

IAMLINT_REGISTER_RULE(RedundantNumericConditionValue);

}  // namespace
}  // namespace iamlint::rules
