// IAM408: under --scp-syntax legacy, an SCP element that AWS Organizations rejected before its
// September 2025 language update: Condition, NotAction or a Resource other than "*" in an Allow,
// and NotResource anywhere. (Principal is principal-in-scp's finding, mid-name action wildcards
// scp-mid-action-wildcard's, in both syntaxes.) Access Analyzer reported these as
// SCP_SYNTAX_ERROR_ALLOW_CONDITION, _ALLOW_NOTACTION, _ALLOW_RESOURCE and _NOTRESOURCE, codes
// its current reference no longer lists.
#include "engine/rule.h"
#include "organizations/statement_member.h"

namespace iamlint::rules {
namespace {

class LegacyScpUnsupportedElement final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"correctness", "compatibility", "scp"};
  static constexpr ast::PolicyKind kKinds[] = {ast::PolicyKind::kScp};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM408",
      .name = "legacy-scp-unsupported-element",
      .level = engine::Level::kError,
      .summary =
          "Under --scp-syntax legacy, an SCP has Condition, NotAction or a Resource other than "
          "\"*\" in an Allow, or NotResource, which SCPs rejected before September 2025",
      .tags = kTags,
      .precision = engine::Precision::kVeryHigh,
      .policy_kinds = kKinds,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_statement(const ast::Statement& statement, engine::RuleContext& ctx) const override {
    if (ctx.policy().scp_syntax != ast::ScpSyntax::kLegacy) return;
    const json::Document& doc = ctx.json();
    statement_member::for_each(doc, statement, "NotResource", [&](const json::Node& member) {
      ctx.report(member.key_range,
                 "SCPs before September 2025 do not support NotResource; list the resources in "
                 "Resource instead");
    });
    if (!statement.allows()) return;
    statement_member::for_each(doc, statement, "Condition", [&](const json::Node& member) {
      ctx.report(member.key_range,
                 "SCPs before September 2025 accept a Condition only in a Deny statement; allow "
                 "the actions unconditionally and deny them in a Deny statement when the "
                 "condition does not hold");
    });
    statement_member::for_each(doc, statement, "NotAction", [&](const json::Node& member) {
      ctx.report(member.key_range,
                 "SCPs before September 2025 accept NotAction only in a Deny statement; list the "
                 "allowed actions in Action, or deny every other action with a Deny and "
                 "NotAction");
    });
    if (!statement.resource) return;
    for (const ast::Resource& resource : statement.resource->entries) {
      if (resource.text.value == "*") continue;
      ctx.report(resource.text.range,
                 "SCPs before September 2025 accept only \"Resource\": \"*\" in an Allow "
                 "statement; allow \"*\" and name the resources that must stay out of reach in a "
                 "Deny statement");
    }
  }
};

IAMLINT_REGISTER_RULE(LegacyScpUnsupportedElement);

}  // namespace
}  // namespace iamlint::rules
