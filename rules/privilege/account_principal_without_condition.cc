// IAM204: a resource or trust policy grants to a whole account (its root principal) without a
// condition that narrows which of that account's principals may act, and the account is neither
// one the user trusts (--trusted-accounts) nor the one that owns the resource. A grant to the
// owner's root (a KMS key policy's "Enable IAM policies") delegates to its own IAM policies.
#include <algorithm>
#include <array>
#include <cctype>

#include "analysis/account_principals.h"
#include "engine/rule.h"
#include "trusted_accounts.h"

namespace iamlint::rules {
namespace {

// Keys that limit which principals of the trusted account the grant reaches (or, for
// sts:ExternalId, which caller of a third party). Compared case-insensitively, as IAM does.
constexpr std::array<std::string_view, 10> kNarrowingKeys = {
    "aws:principalarn",   "aws:principalorgid",      "aws:principalorgpaths", "aws:userid",
    "aws:username",       "aws:principaltype",       "aws:sourceidentity",    "sts:externalid",
    "sts:sourceidentity", "aws:principalservicename"};

std::string lower(std::string_view text) {
  std::string result(text);
  for (char& c : result) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return result;
}

// A Null test only checks that a key is present, so it narrows nothing.
bool narrows_principal(const ast::Condition& condition) {
  if (condition.op.base == "Null") return false;
  constexpr std::string_view kPrincipalTagPrefix = "aws:principaltag/";
  std::string key = lower(condition.key.value);
  return key.starts_with(kPrincipalTagPrefix) ||
         std::find(kNarrowingKeys.begin(), kNarrowingKeys.end(), key) != kNarrowingKeys.end();
}

class AccountPrincipalWithoutCondition final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"security", "cross-account"};
  static constexpr ast::PolicyKind kKinds[] = {ast::PolicyKind::kResource, ast::PolicyKind::kTrust};
  static constexpr engine::Equivalent kEquivalents[] = {
      {"Checkov", "CKV_AWS_61"}, {"Cloudsplaining", "AssumableByCrossAccountPrincipal"}};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM204",
      .name = "account-principal-without-condition",
      .level = engine::Level::kWarning,
      .summary =
          "A resource or trust policy grants to every principal of an account that is not known to "
          "be trusted, without a narrowing condition",
      .tags = kTags,
      .precision = engine::Precision::kMedium,
      .security_severity = "6.0",
      .equivalents = kEquivalents,
      .policy_kinds = kKinds,
      .judges_grants = true,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_statement(const ast::Statement& statement, engine::RuleContext& ctx) const override {
    if (!statement.allows() || !statement.principal) return;
    if (std::any_of(statement.conditions.begin(), statement.conditions.end(), narrows_principal))
      return;
    for (const ast::PrincipalEntry& entry : statement.principal->entries) {
      if (!analysis::is_account(entry)) continue;
      const std::string_view account = analysis::account_of(entry);
      if (is_trusted_account(account, ctx)) continue;
      ctx.report(entry.text.range,
                 "Principal \"{}\" grants to account {} as a whole (any of its principals that "
                 "its own IAM policies allow), and nothing says the account is trusted; name it "
                 "in --trusted-accounts if it is yours or a partner's, or narrow the grant with a "
                 "condition such as aws:PrincipalArn (sts:ExternalId for a third party)",
                 entry.text.value, account);
    }
  }
};

IAMLINT_REGISTER_RULE(AccountPrincipalWithoutCondition);

}  // namespace
}  // namespace iamlint::rules
