// IAM505: an OIDC identity provider trusted without a condition on its own claims, so any
// identity it issues tokens for can assume the role (for GitHub: any repository).
#include <algorithm>

#include "catalog/ascii.h"
#include "engine/rule.h"
#include "trust_principals.h"

namespace iamlint::rules {
namespace {

constexpr std::string_view kTags[] = {"security", "trust", "federation", "oidc"};
constexpr std::string_view kCodes[] = {"MISSING_CONDITION_KEY_FOR_OIDC_PRINCIPAL",
                                       "MISSING_GITHUB_REPO_CONDITION_KEY"};
constexpr ast::PolicyKind kKinds[] = {ast::PolicyKind::kTrust};

bool tests_key(const ast::Statement& statement, auto&& matches) {
  return std::any_of(
      statement.conditions.begin(), statement.conditions.end(),
      [&](const ast::Condition& c) { return c.op.base != "Null" && matches(c.key.value); });
}

class UnconstrainedOidcPrincipal final : public engine::Rule {
 public:
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM505",
      .name = "unconstrained-oidc-principal",
      .level = engine::Level::kWarning,
      .summary =
          "An OIDC provider is trusted without a condition on its claims (for GitHub, on the "
          "repository)",
      .tags = kTags,
      .precision = engine::Precision::kHigh,
      .security_severity = "8.0",
      .access_analyzer_codes = kCodes,
      .policy_kinds = kKinds,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_statement(const ast::Statement& statement, engine::RuleContext& ctx) const override {
    if (!statement.allows() || !statement.principal) return;
    for (const ast::PrincipalEntry& entry : statement.principal->entries) {
      if (entry.type != ast::PrincipalType::kFederated) continue;
      trust::FederatedProvider provider = trust::federated_provider(entry.text.value);
      if (provider.kind != trust::FederatedKind::kOidc) continue;
      std::string_view host = provider.host;
      if (catalog::starts_with_folded(host, trust::kGithubHost)) {
        if (tests_key(statement,
                      [&](std::string_view key) { return trust::is_claim_key(key, host, "sub"); }))
          continue;
        ctx.report(entry.text.range,
                   "The GitHub OIDC provider is trusted without a \"{}:sub\" condition, so a "
                   "workflow of any GitHub repository can assume the role; add StringEquals (or "
                   "StringLike) on \"{}:sub\" with \"repo:<org>/<repo>:ref:refs/heads/<branch>\"",
                   host, host)
            .code("MISSING_GITHUB_REPO_CONDITION_KEY");
        continue;
      }
      if (tests_key(statement, [&](std::string_view key) {
            return catalog::starts_with_folded(key, host) && key.size() > host.size() &&
                   key[host.size()] == ':';
          })) {
        continue;
      }
      ctx.report(entry.text.range,
                 "OIDC provider \"{}\" is trusted without a condition on its claims, so any "
                 "identity it issues tokens for can assume the role; add conditions on \"{}:aud\" "
                 "and \"{}:sub\"",
                 entry.text.value, host, host)
          .code("MISSING_CONDITION_KEY_FOR_OIDC_PRINCIPAL");
    }
  }
};

IAMLINT_REGISTER_RULE(UnconstrainedOidcPrincipal);

}  // namespace
}  // namespace iamlint::rules
