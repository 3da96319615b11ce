// Whether a principal's account is one the user trusts (--trusted-accounts) or, in a resource
// policy, the one that owns the resource: shared by the privilege rules that tell a grant within
// the owner's (or a partner's) accounts from a grant to a stranger.
#pragma once

#include <algorithm>
#include <optional>
#include <string_view>

#include "analysis/account_principals.h"
#include "engine/rule_context.h"

namespace iamlint::rules {

// The account that owns the resource, for resource policies only: a trust policy does not show
// its role's account, and other policies have no principals.
[[nodiscard]] inline std::optional<std::string_view> resource_owner(engine::RuleContext& ctx) {
  if (ctx.kind() != ast::PolicyKind::kResource) return std::nullopt;
  return ctx.facts().owner_account();
}

[[nodiscard]] inline bool is_trusted_account(std::string_view account, engine::RuleContext& ctx) {
  return analysis::is_trusted_account(account, ctx.trusted(), resource_owner(ctx));
}

// A resource policy statement whose every principal belongs to a trusted account (the owner's,
// typically: its root, as in a KMS key policy's "Enable IAM policies" statement, or its key
// administrators) hands its actions to those accounts, whose own IAM policies and administrators
// decide further: how widely its Action is written is the owner's choice, not an exposure.
[[nodiscard]] inline bool grants_only_to_trusted_accounts(const ast::Statement& statement,
                                                          engine::RuleContext& ctx) {
  if (ctx.kind() != ast::PolicyKind::kResource || !statement.principal || statement.not_principal ||
      statement.principal->is_wildcard || statement.principal->entries.empty()) {
    return false;
  }
  return std::all_of(statement.principal->entries.begin(), statement.principal->entries.end(),
                     [&](const ast::PrincipalEntry& entry) {
                       std::string_view account = analysis::account_of(entry);
                       return !account.empty() && is_trusted_account(account, ctx);
                     });
}

}  // namespace iamlint::rules
