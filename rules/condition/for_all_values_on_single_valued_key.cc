// IAM353: ForAllValues on a single-valued condition key in an Allow statement, which then also
// matches every request that lacks the key.
#include <string>

#include "catalog/condition_key.h"
#include "condition/operator_family.h"
#include "engine/rule.h"

namespace iamlint::rules {
namespace {

class ForAllValuesOnSingleValuedKey final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"security", "condition"};
  static constexpr std::string_view kCodes[] = {"FORALLVALUES_WITH_SINGLE_VALUED_KEY"};
  static constexpr engine::Equivalent kEquivalents[] = {
      {"Parliament", "SINGLE_VALUE_CONDITION_TOO_PERMISSIVE"}};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM353",
      .name = "for-all-values-on-single-valued-key",
      .level = engine::Level::kWarning,
      .summary =
          "An Allow uses ForAllValues on a single-valued condition key, so requests without the "
          "key match too",
      .tags = kTags,
      .precision = engine::Precision::kHigh,
      .security_severity = "5.0",
      .access_analyzer_codes = kCodes,
      .equivalents = kEquivalents,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_condition(const ast::Statement& statement, const ast::Condition& condition,
                       engine::RuleContext& ctx) const override {
    if (!statement.allows() || condition.op.qualifier != ast::SetQualifier::kForAllValues) return;
    const operators::Family family = operators::family_of(condition.op);
    if (family == operators::Family::kNull || family == operators::Family::kUnknown) return;
    std::optional<catalog::ConditionKey> known = catalog::find_condition_key(condition.key.value);
    if (!known || known->multivalued()) return;
    ctx.report(
           condition.key.range,
           "\"{}\" is a single-valued key ({}), and ForAllValues also matches requests that do not "
           "carry it, which widens this Allow; write \"{}{}\" without ForAllValues",
           condition.key.value, known->type_name(), condition.op.base,
           condition.op.if_exists ? "IfExists" : "")
        .related(condition.op.text.range, "the ForAllValues operator");
  }
};

IAMLINT_REGISTER_RULE(ForAllValuesOnSingleValuedKey);

}  // namespace
}  // namespace iamlint::rules
