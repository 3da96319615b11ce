// Facts about one policy that several rules need, computed on first use and kept for the rest of
// its walk, so that no rule recomputes what another already asked for.
#pragma once

#include <memory>
#include <optional>
#include <span>
#include <vector>

#include "analysis/account_principals.h"
#include "analysis/actions.h"
#include "analysis/permission_model.h"
#include "ast/policy.h"
#include "catalog/action_set.h"

namespace iamlint::analysis {

class PolicyFacts {
 public:
  explicit PolicyFacts(const ast::Policy& policy)
      : policy_(policy),
        statement_actions_(policy.statements.size()),
        entry_actions_(2 * policy.statements.size()) {}

  // analysis::statement_actions of one of this policy's statements. The reference stays valid for
  // the life of this object.
  [[nodiscard]] const catalog::ActionSet& statement_actions(const ast::Statement& statement) {
    auto& slot = statement_actions_[position(statement)];
    if (!slot) {
      const auto& list = statement.action ? statement.action : statement.not_action;
      slot = list ? analysis::statement_actions(statement, entry_actions(statement, *list))
                  : catalog::ActionSet();
    }
    return *slot;
  }

  // analysis::entry_actions of `list`, the statement's Action or NotAction: the model and half a
  // dozen rules ask about every entry, and a lookup per entry and rule cost more than the rules.
  // The span stays valid for the life of this object.
  [[nodiscard]] std::span<const EntryActions> entry_actions(
      const ast::Statement& statement, const ast::EntryList<ast::Action>& list) {
    const bool negated = statement.not_action && &list == &*statement.not_action;
    auto& slot = entry_actions_[2 * position(statement) + (negated ? 1 : 0)];
    if (!slot) slot = analysis::entry_actions(list);
    return *slot;
  }

  // What the policy allows after its Deny statements and conditions (permission_model.h).
  [[nodiscard]] const PermissionModel& permissions() {
    if (!permissions_) {
      const PolicySource source{.policy = &policy_, .facts = this};
      permissions_ = std::make_unique<PermissionModel>(std::span(&source, 1));
    }
    return *permissions_;
  }

  // analysis::infer_owner_account of this policy: the account that owns its resource, as far as
  // the policy shows it.
  [[nodiscard]] std::optional<std::string_view> owner_account() {
    if (!owner_account_) {
      owner_account_ = infer_owner_account(
          policy_, [this](const ast::Statement& s) -> const catalog::ActionSet& {
            return statement_actions(s);
          });
    }
    return *owner_account_;
  }

 private:
  [[nodiscard]] std::size_t position(const ast::Statement& statement) const {
    return static_cast<std::size_t>(&statement - policy_.statements.data());
  }

  const ast::Policy& policy_;
  std::vector<std::optional<catalog::ActionSet>> statement_actions_;  // by statement position
  // By statement position, Action then NotAction.
  std::vector<std::optional<std::vector<EntryActions>>> entry_actions_;
  std::unique_ptr<PermissionModel> permissions_;
  std::optional<std::optional<std::string_view>> owner_account_;  // computed on first use
};

}  // namespace iamlint::analysis
