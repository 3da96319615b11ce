// Whether a statement is one IAM rejects for its shape, before anything it grants matters.
#pragma once

#include <algorithm>

#include "analysis/policy_facts.h"
#include "ast/policy.h"
#include "catalog/action_pattern.h"

namespace iamlint::analysis {

// An element beside its Not form (Action and NotAction, ...), or an Action or NotAction entry that
// is no action pattern at all ("*:*", "s3*:Get*", "GetObject": its expansion fails for its syntax
// rather than for an unknown service). IAM rejects such a statement, so what it would grant is
// moot: rules that judge grants leave it alone, and the structural error is
// the one finding (conflicting-elements, malformed-action).
[[nodiscard]] inline bool is_malformed(const ast::Statement& statement, PolicyFacts& facts) {
  if ((statement.action && statement.not_action) ||
      (statement.resource && statement.not_resource) ||
      (statement.principal && statement.not_principal)) {
    return true;
  }
  for (const auto* list : {&statement.action, &statement.not_action}) {
    if (!*list) continue;
    const auto entries = facts.entry_actions(statement, **list);
    if (std::any_of(entries.begin(), entries.end(), [](const EntryActions& actions) {
          return !actions && actions.error() != catalog::PatternError::kUnknownService;
        })) {
      return true;
    }
  }
  return false;
}

}  // namespace iamlint::analysis
