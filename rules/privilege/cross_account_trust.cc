// IAM215: a role trust policy lets a role or user of another account assume the role without
// sts:ExternalId or an organisation condition. It runs once --trusted-accounts or --org-id names
// the user's accounts; a whole account (its root) is account-principal-without-condition's.
#include <algorithm>
#include <array>

#include "analysis/permission_model.h"
#include "analysis/policy_facts.h"
#include "analysis/principal_scope.h"
#include "catalog/ascii.h"
#include "engine/rule.h"

namespace iamlint::rules {
namespace {

// Keys that tie the trust to a third party's own request (sts:ExternalId, the confused-deputy
// guard) or to an organisation.
constexpr std::array<std::string_view, 3> kTyingKeys = {"sts:externalid", "aws:principalorgid",
                                                        "aws:principalorgpaths"};

bool ties_the_caller(const ast::Condition& condition) {
  if (condition.op.base == "Null" || condition.values.empty()) return false;
  return std::any_of(kTyingKeys.begin(), kTyingKeys.end(), [&](std::string_view key) {
    return catalog::equals_folded(condition.key.value, key);
  });
}

// A role, user or session of an account ("arn:aws:iam::444455556666:role/deployer"); not the
// account itself.
bool names_one_principal(const ast::PrincipalEntry& entry) {
  std::optional<ast::Arn> arn = ast::split_arn(entry.text.value);
  return arn && arn->resource != "root" &&
         (catalog::equals_folded(arn->service, "iam") ||
          catalog::equals_folded(arn->service, "sts"));
}

class CrossAccountTrust final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"security", "cross-account", "trust"};
  static constexpr ast::PolicyKind kKinds[] = {ast::PolicyKind::kTrust};
  static constexpr engine::Equivalent kEquivalents[] = {
      {"Cloudsplaining", "AssumableByCrossAccountPrincipal"}};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM215",
      .name = "cross-account-trust",
      .level = engine::Level::kWarning,
      .summary =
          "A role trust policy lets a principal of an account not known to be trusted "
          "assume the role without sts:ExternalId or an organisation condition",
      .tags = kTags,
      .precision = engine::Precision::kMedium,
      .security_severity = "5.5",
      .equivalents = kEquivalents,
      .policy_kinds = kKinds,
      .judges_grants = true,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_statement(const ast::Statement& statement, engine::RuleContext& ctx) const override {
    // A trust policy does not say which account its role is in: until the user names their
    // accounts, a role of the same account cannot be told from a stranger's.
    const engine::TrustedParties& trusted = ctx.trusted();
    if (trusted.accounts.empty() && trusted.org_ids.empty()) return;
    if (!statement.allows() || !statement.principal) return;
    if (std::any_of(statement.conditions.begin(), statement.conditions.end(), ties_the_caller))
      return;
    static const std::optional<catalog::Action> kAssumeRole =
        catalog::find_action("sts:AssumeRole");
    const analysis::Grant* grant = ctx.facts().permissions().grant_of(statement);
    if (grant == nullptr || !kAssumeRole || !grant->allowed().contains(*kAssumeRole)) return;
    for (const ast::PrincipalEntry& entry : statement.principal->entries) {
      if (entry.type != ast::PrincipalType::kAws || !names_one_principal(entry)) continue;
      const std::string_view account = analysis::account_of(entry);
      if (account.empty() || trusted.trusts_account(account)) continue;
      ctx.report(entry.text.range,
                 "Principal \"{}\" of account {}, which --trusted-accounts does not list, may "
                 "assume this role without sts:ExternalId or an aws:PrincipalOrgID condition; "
                 "add the account to --trusted-accounts if it is yours or a partner's, or "
                 "require the ExternalId the third party was given",
                 entry.text.value, account);
    }
  }
};

IAMLINT_REGISTER_RULE(CrossAccountTrust);

}  // namespace
}  // namespace iamlint::rules
