// IAM505: an OIDC identity provider trusted without a condition on its own claims, so any
// identity it issues tokens for can assume the role (for GitHub: any repository, also when the
// subject condition is a pattern such as "repo:*" that every repository matches).
#include <algorithm>

#include "catalog/ascii.h"
#include "engine/rule.h"
#include "github_subject.h"
#include "trust_principals.h"

namespace iamlint::rules {
namespace {

bool tests_key(const ast::Statement& statement, auto&& matches) {
  return std::any_of(
      statement.conditions.begin(), statement.conditions.end(),
      [&](const ast::Condition& c) { return c.op.base != "Null" && matches(c.key.value); });
}

class UnconstrainedOidcPrincipal final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"security", "trust", "federation", "oidc"};
  static constexpr std::string_view kCodes[] = {"MISSING_CONDITION_KEY_FOR_OIDC_PRINCIPAL",
                                                "MISSING_GITHUB_REPO_CONDITION_KEY"};
  static constexpr ast::PolicyKind kKinds[] = {ast::PolicyKind::kTrust};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM505",
      .name = "unconstrained-oidc-principal",
      .level = engine::Level::kWarning,
      .summary =
          "An OIDC provider is trusted without a condition on its claims (for GitHub, one that "
          "limits the repository)",
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
        check_github(statement, entry, host, ctx);
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

 private:
  // A sub condition that lets every repository through ("repo:*") is as good as none.
  static void check_github(const ast::Statement& statement, const ast::PrincipalEntry& entry,
                           std::string_view host, engine::RuleContext& ctx) {
    const trust::GithubSubject subject = trust::github_subject(statement, host);
    switch (subject.scope) {
      case trust::SubjectScope::kConstrained:
        return;
      case trust::SubjectScope::kMissing:
        ctx.report(entry.text.range,
                   "The GitHub OIDC provider is trusted without a \"{}:sub\" condition, so a "
                   "workflow of any GitHub repository can assume the role; add StringEquals (or "
                   "StringLike) on \"{}:sub\" with \"repo:<org>/<repo>:ref:refs/heads/<branch>\"",
                   host, host)
            .code("MISSING_GITHUB_REPO_CONDITION_KEY");
        return;
      case trust::SubjectScope::kAnyRepository:
        if (subject.open_value != nullptr) {
          ctx.report(subject.open_value->range,
                     "\"{}\" leaves the repository's owner open, so a workflow in a repository "
                     "that anyone can create matches it and can assume the role; name the owner "
                     "and repository (\"repo:<org>/<repo>:ref:refs/heads/<branch>\")",
                     subject.open_value->text)
              .code("MISSING_GITHUB_REPO_CONDITION_KEY");
        } else {
          ctx.report(entry.text.range,
                     "The \"{}:sub\" conditions only exclude subjects, so a workflow of any other "
                     "GitHub repository can assume the role; allow the repository with "
                     "StringEquals (or StringLike) on \"{}:sub\" instead",
                     host, host)
              .code("MISSING_GITHUB_REPO_CONDITION_KEY");
        }
        return;
    }
  }
};

IAMLINT_REGISTER_RULE(UnconstrainedOidcPrincipal);

}  // namespace
}  // namespace iamlint::rules
