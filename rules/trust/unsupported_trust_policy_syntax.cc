// IAM501: what a role trust policy may not contain: NotPrincipal, Resource or NotResource, and
// "Principal": "*".
#include "engine/rule.h"

namespace iamlint::rules {
namespace {

class UnsupportedTrustPolicySyntax final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"correctness", "trust"};
  static constexpr std::string_view kCodes[] = {
      "ROLE_TRUST_POLICY_SYNTAX_ERROR_NOTPRINCIPAL", "ROLE_TRUST_POLICY_SYNTAX_ERROR_RESOURCE",
      "ROLE_TRUST_POLICY_UNSUPPORTED_WILDCARD_IN_PRINCIPAL"};
  static constexpr ast::PolicyKind kKinds[] = {ast::PolicyKind::kTrust};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM501",
      .name = "unsupported-trust-policy-syntax",
      .level = engine::Level::kError,
      .summary =
          "A role trust policy has NotPrincipal, Resource, NotResource or \"Principal\": \"*\"",
      .tags = kTags,
      .precision = engine::Precision::kVeryHigh,
      .access_analyzer_codes = kCodes,
      .policy_kinds = kKinds,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_statement(const ast::Statement& statement, engine::RuleContext& ctx) const override {
    if (statement.not_principal) {
      ctx.report(ctx.json().node(statement.not_principal->node).key_range,
                 "A role trust policy cannot use \"NotPrincipal\"; name the principals that may "
                 "assume the role in \"Principal\"")
          .code("ROLE_TRUST_POLICY_SYNTAX_ERROR_NOTPRINCIPAL");
    }
    for (const auto* list : {&statement.resource, &statement.not_resource}) {
      if (!*list) continue;
      ctx.report((*list)->name.range,
                 "A role trust policy cannot have \"{}\": the role itself is the resource; remove "
                 "the element",
                 (*list)->name.value)
          .code("ROLE_TRUST_POLICY_SYNTAX_ERROR_RESOURCE");
    }
    if (statement.principal && statement.principal->is_wildcard) {
      ctx.report(statement.principal->range,
                 "\"Principal\": \"*\" is not supported in a role trust policy; name the accounts, "
                 "roles, services or identity providers that may assume the role")
          .code("ROLE_TRUST_POLICY_UNSUPPORTED_WILDCARD_IN_PRINCIPAL");
    }
  }
};

IAMLINT_REGISTER_RULE(UnsupportedTrustPolicySyntax);

}  // namespace
}  // namespace iamlint::rules
