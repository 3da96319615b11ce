// IAM502: a SAML provider trusted without sts:AssumeRoleWithSAML, or an OIDC provider without
// sts:AssumeRoleWithWebIdentity: the federated users cannot assume the role.
#include "engine/rule.h"
#include "trust_principals.h"

namespace iamlint::rules {
namespace {

class MismatchedFederatedAction final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"correctness", "trust", "federation"};
  static constexpr std::string_view kCodes[] = {"MISMATCHED_ACTION_FOR_PRINCIPAL"};
  static constexpr ast::PolicyKind kKinds[] = {ast::PolicyKind::kTrust};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM502",
      .name = "mismatched-federated-action",
      .level = engine::Level::kError,
      .summary =
          "A SAML or OIDC provider is trusted without the matching sts:AssumeRoleWith* action",
      .tags = kTags,
      .precision = engine::Precision::kHigh,
      .access_analyzer_codes = kCodes,
      .policy_kinds = kKinds,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_statement(const ast::Statement& statement, engine::RuleContext& ctx) const override {
    if (!statement.principal || !statement.action) return;
    for (const ast::PrincipalEntry& entry : statement.principal->entries) {
      if (entry.type != ast::PrincipalType::kFederated) continue;
      trust::FederatedKind kind = trust::federated_provider(entry.text.value).kind;
      std::string_view needed;
      if (kind == trust::FederatedKind::kSaml) needed = "sts:AssumeRoleWithSAML";
      if (kind == trust::FederatedKind::kOidc) needed = "sts:AssumeRoleWithWebIdentity";
      if (needed.empty() || trust::action_covers(statement, needed)) continue;
      ctx.report(entry.text.range,
                 "Federated principal \"{}\" signs in with {}, which the statement's Action does "
                 "not allow; add \"{}\"",
                 entry.text.value, needed, needed);
    }
  }
};

IAMLINT_REGISTER_RULE(MismatchedFederatedAction);

}  // namespace
}  // namespace iamlint::rules
