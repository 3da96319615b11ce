// Which account owns the resource a resource policy is attached to, as far as the policy itself
// shows it, and whether a principal's account is trusted. (The account of a principal is
// principal_scope.h's account_of.)
#pragma once

#include <optional>
#include <string_view>

#include "analysis/principal_scope.h"
#include "ast/policy.h"
#include "catalog/action.h"
#include "catalog/action_set.h"
#include "catalog/ascii.h"
#include "engine/trusted_parties.h"

namespace iamlint::analysis {

// A KMS key policy: every Action and NotAction entry names a KMS action.
[[nodiscard]] inline bool is_key_policy(const ast::Policy& policy) {
  bool any = false;
  for (const ast::Statement& statement : policy.statements) {
    for (const auto* list : {&statement.action, &statement.not_action}) {
      if (!*list) continue;
      for (const ast::Action& action : (*list)->entries) {
        if (!catalog::equals_folded(action.service, "kms")) return false;
        any = true;
      }
    }
  }
  return any;
}

// The account that owns the resource of a resource policy, when the policy shows it: the one
// account that every account-bearing ARN in Resource names (SQS, SNS, Lambda, ... ARNs carry
// it), or, in a KMS key policy, whose "Resource" is "*", the one account whose principals may
// call kms:PutKeyPolicy (its root, in the default "Enable IAM policies" statement, and its key
// administrators): KMS lets no other account call it. Nullopt when the evidence is missing or
// points at several accounts; then no account counts as the owner's. Other resource policies
// never infer an owner from their principals, so that a grant to a stranger cannot make the
// stranger look like the owner. `actions_of(statement)` gives what a statement's Action grants.
template <class StatementActions>
[[nodiscard]] std::optional<std::string_view> infer_owner_account(const ast::Policy& policy,
                                                                  StatementActions&& actions_of) {
  std::optional<std::string_view> owner;
  bool several = false;
  auto note = [&](std::string_view account) {
    if (owner && *owner != account) several = true;
    owner = account;
  };
  for (const ast::Statement& statement : policy.statements) {
    if (!statement.resource) continue;
    for (const ast::Resource& resource : statement.resource->entries) {
      if (resource.arn && engine::is_account_id(resource.arn->account)) note(resource.arn->account);
    }
  }
  if (owner || !is_key_policy(policy)) return several ? std::nullopt : owner;
  static const std::optional<catalog::Action> kPutKeyPolicy =
      catalog::find_action("kms:PutKeyPolicy");
  for (const ast::Statement& statement : policy.statements) {
    if (!statement.allows() || !statement.principal || !kPutKeyPolicy ||
        !actions_of(statement).contains(*kPutKeyPolicy)) {
      continue;
    }
    for (const ast::PrincipalEntry& entry : statement.principal->entries) {
      if (std::string_view account = account_of(entry); !account.empty()) note(account);
    }
  }
  return several ? std::nullopt : owner;
}

// Whether `account` is one the user trusts (--trusted-accounts) or, in a resource policy, the one
// that owns the resource.
[[nodiscard]] inline bool is_trusted_account(std::string_view account,
                                             const engine::TrustedParties& trusted,
                                             std::optional<std::string_view> owner) {
  return trusted.trusts_account(account) || (owner && *owner == account);
}

}  // namespace iamlint::analysis
