// IAM316: dynamodb:Attributes restricted without dynamodb:Select = SPECIFIC_ATTRIBUTES.
#include <algorithm>

#include "catalog/ascii.h"
#include "engine/rule.h"

namespace iamlint::rules {
namespace {

bool selects_specific_attributes(const ast::Condition& condition) {
  return catalog::equals_folded(condition.key.value, "dynamodb:Select") &&
         std::any_of(
             condition.values.begin(), condition.values.end(),
             [](const ast::ConditionValue& value) { return value.text == "SPECIFIC_ATTRIBUTES"; });
}

class DynamodbAttributesWithoutSelect final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"security", "condition", "dynamodb"};
  static constexpr std::string_view kCodes[] = {"DYNAMODB_ATTRIBUTES_WITHOUT_SELECT"};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM316",
      .name = "dynamodb-attributes-without-select",
      .level = engine::Level::kWarning,
      .summary =
          "dynamodb:Attributes is restricted without requiring dynamodb:Select to be "
          "SPECIFIC_ATTRIBUTES",
      .tags = kTags,
      .precision = engine::Precision::kHigh,
      .security_severity = "5.5",
      .access_analyzer_codes = kCodes,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_statement(const ast::Statement& statement, engine::RuleContext& ctx) const override {
    if (!statement.allows()) return;
    const auto& conditions = statement.conditions;
    if (std::any_of(conditions.begin(), conditions.end(), selects_specific_attributes)) return;
    for (const ast::Condition& condition : conditions) {
      if (!catalog::equals_folded(condition.key.value, "dynamodb:Attributes")) continue;
      ctx.report(condition.key.range,
                 "dynamodb:Attributes limits the attributes named in a request, but a request that "
                 "selects ALL_ATTRIBUTES names none; add \"StringEquals\": {{\"dynamodb:Select\": "
                 "\"SPECIFIC_ATTRIBUTES\"}}");
    }
  }
};

IAMLINT_REGISTER_RULE(DynamodbAttributesWithoutSelect);

}  // namespace
}  // namespace iamlint::rules
