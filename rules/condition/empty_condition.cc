// IAM311: an empty Condition object, operator block or value array.
#include "condition/operator_family.h"
#include "engine/rule.h"

namespace iamlint::rules {
namespace {

class EmptyCondition final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"style", "condition"};
  static constexpr std::string_view kCodes[] = {
      "EMPTY_ARRAY_CONDITION", "EMPTY_ARRAY_CONDITION_FORALLVALUES",
      "EMPTY_ARRAY_CONDITION_FORANYVALUE", "EMPTY_ARRAY_CONDITION_IFEXISTS",
      "EMPTY_OBJECT_CONDITION"};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM311",
      .name = "empty-condition",
      .level = engine::Level::kNote,
      .summary = "A Condition, operator block or condition value list is empty",
      .tags = kTags,
      .precision = engine::Precision::kVeryHigh,
      .access_analyzer_codes = kCodes,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_statement(const ast::Statement& statement, engine::RuleContext& ctx) const override {
    const json::Document& doc = ctx.json();
    if (statement.condition_node == json::kNoNode) return;
    const json::Node& block = doc.node(statement.condition_node);
    if (block.is_object() && block.child_count == 0) {
      ctx.report(block.range, "\"Condition\": {{}} tests nothing; remove it")
          .code("EMPTY_OBJECT_CONDITION");
      return;
    }
    operators::for_each_operator_node(doc, statement, [&](json::NodeId, const json::Node& op) {
      if (op.is_object() && op.child_count == 0) {
        ctx.report(op.range, "\"{}\": {{}} tests nothing; remove it", op.key())
            .code("EMPTY_OBJECT_CONDITION");
      }
    });
  }

  void check_condition(const ast::Statement&, const ast::Condition& condition,
                       engine::RuleContext& ctx) const override {
    const json::Node& value = ctx.json().node(condition.key.node);
    if (!value.is_array() || value.child_count != 0) return;
    const std::string_view op = condition.op.text.value;
    const std::string_view key = condition.key.value;
    if (condition.op.qualifier == ast::SetQualifier::kForAllValues) {
      ctx.report(value.range,
                 "{} with no values matches only when \"{}\" is absent or empty; write \"Null\": "
                 "{{\"{}\": \"true\"}} if that is the intent",
                 op, key, key)
          .code("EMPTY_ARRAY_CONDITION_FORALLVALUES");
    } else if (condition.op.qualifier == ast::SetQualifier::kForAnyValue) {
      ctx.report(value.range,
                 "{} with no values never matches, so the statement never applies; add values", op)
          .code("EMPTY_ARRAY_CONDITION_FORANYVALUE");
    } else if (condition.op.if_exists) {
      ctx.report(value.range,
                 "{} with no values matches only when \"{}\" is absent; write \"Null\": {{\"{}\": "
                 "\"true\"}} if that is the intent",
                 op, key, key)
          .code("EMPTY_ARRAY_CONDITION_IFEXISTS");
    } else {
      ctx.report(value.range, "\"{}\" has no values to compare; add values or remove the key", key)
          .code("EMPTY_ARRAY_CONDITION");
    }
  }
};

IAMLINT_REGISTER_RULE(EmptyCondition);

}  // namespace
}  // namespace iamlint::rules
