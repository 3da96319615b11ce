// IAM017: Principal or NotPrincipal in an identity policy. An identity policy
// applies to the user, group or role it is attached to, so it names no
// principal, and IAM rejects one.
#include "engine/rule.h"

namespace iamlint::rules {
namespace {

class PrincipalInIdentityPolicy final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"correctness"};
  static constexpr std::string_view kCodes[] = {"UNSUPPORTED_PRINCIPAL"};
  static constexpr ast::PolicyKind kKinds[] = {ast::PolicyKind::kIdentity};
  static constexpr engine::Equivalent kEquivalents[] = {{"cfn-lint", "E3510"}};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM017",
      .name = "principal-in-identity-policy",
      .level = engine::Level::kError,
      .summary = "An identity policy has a Principal or NotPrincipal element",
      .tags = kTags,
      .precision = engine::Precision::kVeryHigh,
      .access_analyzer_codes = kCodes,
      .equivalents = kEquivalents,
      .policy_kinds = kKinds,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_statement(const ast::Statement& statement, engine::RuleContext& ctx) const override {
    const json::Document& doc = ctx.json();
    for (json::NodeId member : doc.children(statement.node)) {
      const json::Node& node = doc.node(member);
      if (node.key() != "Principal" && node.key() != "NotPrincipal") continue;
      ctx.report(node.key_range,
                 "an identity policy cannot name a {}: it applies to the user, group or role it is "
                 "attached to; remove it (or, for a resource or trust policy, lint it with "
                 "--policy-type)",
                 node.key());
    }
  }
};

IAMLINT_REGISTER_RULE(PrincipalInIdentityPolicy);

}  // namespace
}  // namespace iamlint::rules
