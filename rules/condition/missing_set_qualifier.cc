// IAM354: a multivalued condition key (ArrayOf...) under an operator without ForAllValues or
// ForAnyValue.
#include "catalog/catalog.h"
#include "catalog/condition_key.h"
#include "condition/operator_family.h"
#include "engine/rule.h"

namespace iamlint::rules {
namespace {

class MissingSetQualifier final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"correctness", "condition"};
  static constexpr std::string_view kCodes[] = {"MISSING_QUALIFIER"};
  static constexpr engine::LevelCase kOtherLevels[] = {
      {engine::Level::kWarning,
       "the key is a service key, whose cardinality comes from the service reference"}};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM354",
      .name = "missing-set-qualifier",
      .level = engine::Level::kError,
      .other_levels = kOtherLevels,
      .summary = "A multivalued condition key is used without ForAllValues or ForAnyValue",
      .tags = kTags,
      .precision = engine::Precision::kHigh,
      .access_analyzer_codes = kCodes,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_condition(const ast::Statement&, const ast::Condition& condition,
                       engine::RuleContext& ctx) const override {
    if (condition.op.qualifier != ast::SetQualifier::kNone) return;
    const operators::Family family = operators::family_of(condition.op);
    // Null tests presence, which is the same for one value or many.
    if (family == operators::Family::kNull || family == operators::Family::kUnknown) return;
    std::optional<catalog::ConditionKey> known = catalog::find_condition_key(condition.key.value);
    if (!known || !known->multivalued()) return;
    const std::string_view op = condition.op.text.value;
    if (known->global()) {
      ctx.report(
          condition.key.range,
          "\"{}\" is multivalued ({}): write \"ForAnyValue:{}\" (at least one value in the request "
          "matches) or \"ForAllValues:{}\" (every value does)",
          condition.key.value, known->type_name(), op, op);
      return;
    }
    // Service keys' cardinality comes from the service reference, which AWS's own policies
    // sometimes contradict, so the finding is a warning that says where the type comes from.
    ctx.report(
           condition.key.range,
           "\"{}\" is multivalued ({} in the AWS service reference, catalogue {}): write "
           "\"ForAnyValue:{}\" (at least one value in the request matches) or \"ForAllValues:{}\" "
           "(every value does)",
           condition.key.value, known->type_name(), catalog::snapshot_version(), op, op)
        .level(engine::Level::kWarning);
  }
};

IAMLINT_REGISTER_RULE(MissingSetQualifier);

}  // namespace
}  // namespace iamlint::rules
