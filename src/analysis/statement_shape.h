// Whether a statement is one IAM rejects for its shape, before anything it grants matters.
#pragma once

#include <algorithm>

#include "ast/policy.h"
#include "catalog/action_pattern.h"

namespace iamlint::analysis {

// An element beside its Not form (Action and NotAction, ...), or an Action or NotAction entry that
// is no action pattern at all ("*:*", "s3*:Get*", "GetObject"). IAM rejects such a statement, so
// what it would grant is moot: rules that judge grants leave it alone, and the structural error is
// the one finding (conflicting-elements, malformed-action).
[[nodiscard]] inline bool is_malformed(const ast::Statement& statement) {
  if ((statement.action && statement.not_action) ||
      (statement.resource && statement.not_resource) ||
      (statement.principal && statement.not_principal)) {
    return true;
  }
  for (const auto* list : {&statement.action, &statement.not_action}) {
    if (!*list) continue;
    const auto& entries = (*list)->entries;
    if (std::any_of(entries.begin(), entries.end(), [](const ast::Action& action) {
          return !catalog::parse_action_pattern(action.text.value);
        })) {
      return true;
    }
  }
  return false;
}

}  // namespace iamlint::analysis
