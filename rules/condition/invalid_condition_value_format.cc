// IAM307: a Bool, Date, Numeric, Binary or IP condition value that is not in its operator's format.
#include "ast/policy_variable.h"
#include "condition/ip_range.h"
#include "condition/operator_family.h"
#include "condition/value_format.h"
#include "engine/rule.h"

namespace iamlint::rules {
namespace {

class InvalidConditionValueFormat final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"correctness", "condition"};
  static constexpr std::string_view kCodes[] = {"TYPE_MISMATCH_BOOLEAN", "TYPE_MISMATCH_DATE",
                                                "TYPE_MISMATCH_NUMBER", "TYPE_MISMATCH_STRING",
                                                "TYPE_MISMATCH_IP_RANGE"};
  static constexpr engine::Equivalent kEquivalents[] = {
      {"Parliament", "MISMATCHED_TYPE_OPERATION_TO_NULL"}};
  static constexpr engine::LevelCase kOtherLevels[] = {
      {engine::Level::kError,
       "an IP operator's value is not an IP address or range, which IAM rejects"}};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM307",
      .name = "invalid-condition-value-format",
      .level = engine::Level::kWarning,
      .other_levels = kOtherLevels,
      .summary =
          "A Bool, Null, Date, Numeric, Binary or IP condition value is not in the format its "
          "operator compares",
      .tags = kTags,
      .precision = engine::Precision::kHigh,
      .access_analyzer_codes = kCodes,
      .equivalents = kEquivalents,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_condition(const ast::Statement&, const ast::Condition& condition,
                       engine::RuleContext& ctx) const override {
    operators::Family family = operators::family_of(condition.op);
    for (const ast::ConditionValue& value : condition.values) {
      // Variables are INVALID_VARIABLE_FOR_OPERATOR's business (IAM322).
      if (value.kind == json::Kind::kNull ||
          !ast::policy_variable::find_variables(value.text).empty())
        continue;
      const std::string_view text = value.text;
      const std::string_view op = condition.op.text.value;
      switch (family) {
        case operators::Family::kBool:
        case operators::Family::kNull:
          if (!value_format::is_boolean(text)) {
            ctx.report(value.range, "{} value \"{}\" is not a Boolean; write \"true\" or \"false\"",
                       op, text)
                .code("TYPE_MISMATCH_BOOLEAN");
          }
          break;
        case operators::Family::kNumeric:
          if (!value_format::is_number(text)) {
            ctx.report(value.range,
                       "{} value \"{}\" is not a number; write digits such as \"3600\"", op, text)
                .code("TYPE_MISMATCH_NUMBER");
          }
          break;
        case operators::Family::kDate:
          if (!value_format::is_iso_date(text) && !value_format::is_epoch(text)) {
            ctx.report(value.range,
                       "{} value \"{}\" is not a date; write an ISO 8601 date-time such as "
                       "\"2026-01-31T00:00:00Z\"",
                       op, text)
                .code("TYPE_MISMATCH_DATE");
          }
          break;
        case operators::Family::kBinary:
          if (!value_format::is_base64(text)) {
            ctx.report(value.range, "{} value \"{}\" is not base64; write the bytes base64-encoded",
                       op, text)
                .code("TYPE_MISMATCH_STRING");
          }
          break;
        case operators::Family::kIp:
          if (!ip::parse(text)) {
            ctx.report(value.range,
                       "{} value \"{}\" is not an IP address or CIDR range; write e.g. "
                       "\"203.0.113.0/24\" (wildcards are not allowed)",
                       op, text)
                .code("TYPE_MISMATCH_IP_RANGE")
                .level(engine::Level::kError);
          }
          break;
        default:
          break;
      }
    }
  }
};

IAMLINT_REGISTER_RULE(InvalidConditionValueFormat);

}  // namespace
}  // namespace iamlint::rules
