// IAM051: a Principal (or one of its principal types) that is an empty array or object, so the
// statement applies to no one.
#include "engine/rule.h"
#include "principal_elements.h"

namespace iamlint::rules {
namespace {

class EmptyPrincipal final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"correctness", "principal"};
  static constexpr std::string_view kCodes[] = {"EMPTY_ARRAY_PRINCIPAL", "EMPTY_OBJECT_PRINCIPAL"};
  static constexpr ast::PolicyKind kKinds[] = {ast::PolicyKind::kResource, ast::PolicyKind::kTrust};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM051",
      .name = "empty-principal",
      .level = engine::Level::kNote,
      .summary = "A Principal, or one of its principal types, is an empty array or object",
      .tags = kTags,
      .precision = engine::Precision::kVeryHigh,
      .access_analyzer_codes = kCodes,
      .policy_kinds = kKinds,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_statement(const ast::Statement& statement, engine::RuleContext& ctx) const override {
    const json::Document& doc = ctx.json();
    principal::for_each_principal_element(statement, [&](const ast::Principal& p,
                                                         std::string_view element) {
      const json::Node& node = doc.node(p.node);
      if (node.is_object() && node.child_count == 0) {
        ctx.report(node.range,
                   "{} is an empty object, so the statement applies to no one; name the principals "
                   "or remove the statement",
                   element)
            .code("EMPTY_OBJECT_PRINCIPAL");
      } else if (node.is_array() && node.child_count == 0) {
        ctx.report(node.range,
                   "{} is an empty array, so the statement applies to no one; name the principals "
                   "or remove the statement",
                   element)
            .code("EMPTY_ARRAY_PRINCIPAL");
      } else if (node.is_object()) {
        for (json::NodeId member : doc.children(p.node)) {
          const json::Node& m = doc.node(member);
          if (!m.is_array() || m.child_count != 0) continue;
          ctx.report(
                 m.range,
                 "{} \"{}\" is an empty array and names no one; list the principals or remove the "
                 "key",
                 element, m.key())
              .code("EMPTY_ARRAY_PRINCIPAL");
        }
      }
    });
  }
};

IAMLINT_REGISTER_RULE(EmptyPrincipal);

}  // namespace
}  // namespace iamlint::rules
