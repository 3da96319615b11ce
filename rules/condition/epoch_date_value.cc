// IAM308: a Date condition value written as epoch seconds.
#include "catalog/ascii.h"
#include "condition/operator_family.h"
#include "condition/value_format.h"
#include "engine/rule.h"

namespace iamlint::rules {
namespace {

class EpochDateValue final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"correctness", "condition"};
  static constexpr std::string_view kCodes[] = {"INVALID_DATE_VALUE"};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM308",
      .name = "epoch-date-value",
      .level = engine::Level::kWarning,
      .summary = "A Date condition value is written as epoch seconds instead of an ISO 8601 date",
      .tags = kTags,
      .precision = engine::Precision::kMedium,
      .access_analyzer_codes = kCodes,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_condition(const ast::Statement&, const ast::Condition& condition,
                       engine::RuleContext& ctx) const override {
    // aws:EpochTime is documented with epoch values.
    if (operators::family_of(condition.op) != operators::Family::kDate ||
        catalog::equals_folded(condition.key.value, "aws:EpochTime")) {
      return;
    }
    for (const ast::ConditionValue& value : condition.values) {
      if (!value_format::is_epoch(value.text)) continue;
      ctx.report(value.range,
                 "{} value {} reads as seconds since 1970 and may not mean what you intend; write "
                 "an ISO 8601 date-time such as \"2026-01-31T00:00:00Z\"",
                 condition.op.text.value, value.text);
    }
  }
};

IAMLINT_REGISTER_RULE(EpochDateValue);

}  // namespace
}  // namespace iamlint::rules
