// The principals one statement applies to: whoever holds the policy (identity policies, SCPs),
// everyone ("*"), the listed principals, or everyone but the NotPrincipal entries. An account
// (`111122223333`, `arn:aws:iam::111122223333:root`) stands for every principal of that account.
#pragma once

#include <cstdint>
#include <span>

#include "ast/policy.h"

namespace iamlint::analysis {

// Whether `outer` names every principal `inner` does: the same principal, `{"AWS": "*"}`, or the
// account that `inner` belongs to. Sound.
[[nodiscard]] bool principal_contains(const ast::PrincipalEntry& outer,
                                      const ast::PrincipalEntry& inner);

// The whole account, `111122223333` or `arn:aws:iam::111122223333:root`: it delegates to the
// account's own IAM policies, which then decide which of its principals may act.
[[nodiscard]] bool is_account(const ast::PrincipalEntry& entry);

// The account a principal belongs to (`111122223333` for a role ARN or an account root), or
// empty for services, federated providers and "*".
[[nodiscard]] std::string_view account_of(const ast::PrincipalEntry& entry);

class PrincipalScope {
 public:
  enum class Form : std::uint8_t {
    kHolder,    // no Principal: whoever the policy is attached to
    kEveryone,  // "*" or {"AWS": "*"}
    kListed,    // Principal entries
    kAllBut,    // NotPrincipal entries
  };

  PrincipalScope() = default;
  explicit PrincipalScope(const ast::Statement& statement);

  [[nodiscard]] Form form() const { return form_; }
  [[nodiscard]] std::span<const ast::PrincipalEntry> entries() const { return entries_; }
  // Everyone, or everyone but a few: a grant to it is open to any AWS account and, for most
  // services, to anonymous callers.
  [[nodiscard]] bool open_to_everyone() const {
    return form_ == Form::kEveryone || form_ == Form::kAllBut;
  }

  [[nodiscard]] bool covers(const PrincipalScope& other) const;
  [[nodiscard]] bool overlaps(const PrincipalScope& other) const;

 private:
  Form form_ = Form::kHolder;
  std::span<const ast::PrincipalEntry> entries_;
};

}  // namespace iamlint::analysis
