// IAM355: a condition operator whose family does not fit the key's type, such as StringEquals on
// the Boolean aws:MultiFactorAuthPresent. String operators on ARN keys are IAM356's.
#include "catalog/ascii.h"
#include "catalog/condition_key.h"
#include "condition/operator_family.h"
#include "engine/rule.h"

namespace iamlint::rules {
namespace {

using catalog::KeyType;

std::string_view operators_for(KeyType type) {
  switch (type) {
    case KeyType::kString:
      return "a String operator (StringEquals, StringLike, ...)";
    case KeyType::kArn:
      return "an ARN operator (ArnEquals, ArnLike, ...)";
    case KeyType::kNumeric:
      return "a Numeric operator (NumericEquals, NumericLessThan, ...)";
    case KeyType::kDate:
      return "a Date operator (DateGreaterThan, DateLessThan, ...)";
    case KeyType::kBool:
      return "Bool";
    case KeyType::kIpAddress:
      return "IpAddress or NotIpAddress";
    case KeyType::kBinary:
      return "BinaryEquals";
  }
  return "an operator of the key's type";
}

class OperatorKeyTypeMismatch final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"correctness", "condition"};
  static constexpr std::string_view kCodes[] = {"TYPE_MISMATCH"};
  static constexpr engine::Equivalent kEquivalents[] = {{"Parliament", "MISMATCHED_TYPE"}};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM355",
      .name = "operator-key-type-mismatch",
      .level = engine::Level::kWarning,
      .summary = "A condition operator does not fit the type of its condition key",
      .tags = kTags,
      .precision = engine::Precision::kHigh,
      .access_analyzer_codes = kCodes,
      .equivalents = kEquivalents,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_condition(const ast::Statement&, const ast::Condition& condition,
                       engine::RuleContext& ctx) const override {
    const operators::Family family = operators::family_of(condition.op);
    std::optional<catalog::ConditionKey> known = catalog::find_condition_key(condition.key.value);
    if (!known || operators::compares(family, known->type(), condition.key.value)) return;
    ctx.report(condition.key.range, "\"{}\" holds {} values, which {} does not compare: use {}",
               condition.key.value, known->type_name(), condition.op.text.value,
               operators_for(known->type()))
        .related(condition.op.text.range, "the operator");
  }
};

IAMLINT_REGISTER_RULE(OperatorKeyTypeMismatch);

}  // namespace
}  // namespace iamlint::rules
