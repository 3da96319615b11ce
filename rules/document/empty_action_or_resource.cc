// IAM013: "Action": [] or "Resource": [] matches nothing, so the statement has
// no effect. (The Not forms are left alone: an empty NotAction matches every
// action, which is another matter.)
#include "engine/rule.h"

namespace iamlint::rules {
namespace {

class EmptyActionOrResource final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"correctness"};
  static constexpr std::string_view kCodes[] = {"EMPTY_ARRAY_ACTION", "EMPTY_ARRAY_RESOURCE"};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM013",
      .name = "empty-action-or-resource",
      .level = engine::Level::kNote,
      .summary = "Action or Resource is an empty array, so the statement has no effect",
      .tags = kTags,
      .precision = engine::Precision::kVeryHigh,
      .access_analyzer_codes = kCodes,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_statement(const ast::Statement& statement, engine::RuleContext& ctx) const override {
    const json::Document& doc = ctx.json();
    if (statement.action && is_empty_array(doc, statement.action->node)) {
      ctx.report(statement.action->range,
                 "Action is an empty array, so the statement applies to no action; list the "
                 "actions or remove the statement")
          .code("EMPTY_ARRAY_ACTION");
    }
    if (statement.resource && is_empty_array(doc, statement.resource->node)) {
      ctx.report(statement.resource->range,
                 "Resource is an empty array, so the statement applies to no resource; list the "
                 "resources or remove the statement")
          .code("EMPTY_ARRAY_RESOURCE");
    }
  }

 private:
  static bool is_empty_array(const json::Document& doc, json::NodeId id) {
    return doc.node(id).is_array() && doc.node(id).child_count == 0;
  }
};

IAMLINT_REGISTER_RULE(EmptyActionOrResource);

}  // namespace
}  // namespace iamlint::rules
