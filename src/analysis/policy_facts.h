// Facts about one policy that several rules need, computed on first use and kept for the rest of
// its walk, so that no rule recomputes what another already asked for.
#pragma once

#include <memory>
#include <optional>
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
      : policy_(policy), statement_actions_(policy.statements.size()) {}

  // analysis::statement_actions of one of this policy's statements. The reference stays valid for
  // the life of this object.
  [[nodiscard]] const catalog::ActionSet& statement_actions(const ast::Statement& statement) {
    auto& slot =
        statement_actions_[static_cast<std::size_t>(&statement - policy_.statements.data())];
    if (!slot) slot = analysis::statement_actions(statement);
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
  const ast::Policy& policy_;
  std::vector<std::optional<catalog::ActionSet>> statement_actions_;  // by statement position
  std::unique_ptr<PermissionModel> permissions_;
  std::optional<std::optional<std::string_view>> owner_account_;  // computed on first use
};

}  // namespace iamlint::analysis
