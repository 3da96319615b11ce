// IAM302: Null under ForAllValues or ForAnyValue, which makes the test constant.
#include "condition/operator_family.h"
#include "engine/rule.h"

namespace iamlint::rules {
namespace {

class NullWithSetQualifier final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"correctness", "condition"};
  static constexpr std::string_view kCodes[] = {"NULL_WITH_QUALIFIER"};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM302",
      .name = "null-with-set-qualifier",
      .level = engine::Level::kNote,
      .summary =
          "The Null operator is combined with ForAllValues or ForAnyValue, which makes it constant",
      .tags = kTags,
      .precision = engine::Precision::kVeryHigh,
      .access_analyzer_codes = kCodes,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_statement(const ast::Statement& statement, engine::RuleContext& ctx) const override {
    operators::for_each_operator_node(
        ctx.json(), statement, [&](json::NodeId, const json::Node& node) {
          ast::ConditionOperator op =
              ast::split_operator({.value = node.key(), .range = node.key_range});
          if (op.base != "Null" || op.qualifier == ast::SetQualifier::kNone) return;
          bool all = op.qualifier == ast::SetQualifier::kForAllValues;
          ctx.report(node.key_range,
                     "\"{}\" is always {}; write \"Null\" to test whether the key is present",
                     node.key(), all ? "true" : "false");
        });
  }
};

IAMLINT_REGISTER_RULE(NullWithSetQualifier);

}  // namespace
}  // namespace iamlint::rules
