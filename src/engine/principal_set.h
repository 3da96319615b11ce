// What a user, group or role may do with all its policies at once: the set a rule's
// check_principal hook judges, one per principal of an account export or a template.
//
// A principal's identity policies (inline, attached managed, and a user's groups' policies) are
// evaluated together: what one allows and another completes is the principal's, and a Deny in any
// of them removes what the others allow. Its permissions boundary caps the set; its trust policy
// says who may assume it, not what it may do, and is left out.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "analysis/permission_model.h"
#include "analysis/policy_facts.h"
#include "ast/policy.h"
#include "input/policy_source.h"
#include "support/byte_range.h"

namespace iamlint::engine {

// A policy of the file, lowered once and kept for the principals that use it.
struct LoweredPolicy {
  explicit LoweredPolicy(ast::Policy lowered) : policy(std::move(lowered)), facts(policy) {}
  LoweredPolicy(const LoweredPolicy&) = delete;
  LoweredPolicy& operator=(const LoweredPolicy&) = delete;

  ast::Policy policy;
  analysis::PolicyFacts facts;  // refers to `policy`
};

// One identity policy of a principal.
struct PrincipalMember {
  const input::PrincipalPolicy* entry = nullptr;  // how it applies: inline, managed, via a group
  const input::PolicySource* source = nullptr;    // where its text is
  LoweredPolicy* lowered = nullptr;
};

class PrincipalSet {
 public:
  // `members` are the principal's identity policies, `boundary` its permissions boundary (null:
  // none, or its document is not in the file).
  PrincipalSet(const input::Principal& principal, std::vector<PrincipalMember> members,
               LoweredPolicy* boundary);

  [[nodiscard]] const input::Principal& principal() const { return principal_; }
  // "role deploy", "user alice", "group developers".
  [[nodiscard]] std::string name() const;
  [[nodiscard]] std::span<const PrincipalMember> members() const { return members_; }

  // What the members allow together; each statement's origin is its member's index.
  [[nodiscard]] const analysis::PermissionModel& model() const;
  // The permissions boundary's own model, or null.
  [[nodiscard]] const analysis::PermissionModel* boundary() const;
  // The smaller sets whose findings are reported on their own: each member alone, and each group
  // a user has two or more members through. What one of them allows is not the principal's
  // finding to repeat.
  [[nodiscard]] std::span<const analysis::PermissionModel* const> parts() const;

  // The policy a statement of model() is in, for messages: "inline policy deploy", "managed
  // policy ReadOnlyAccess via group developers".
  [[nodiscard]] std::string policy_name(const analysis::ModelStatement& statement) const;
  // A range in a member's own text, as a range of the file (through YAML or a decoded string).
  [[nodiscard]] ByteRange to_file(const analysis::ModelStatement& statement, ByteRange range) const;

 private:
  const input::Principal& principal_;
  std::vector<PrincipalMember> members_;
  LoweredPolicy* boundary_;
  mutable std::unique_ptr<analysis::PermissionModel> model_;  // built on first use
  mutable std::optional<std::vector<std::unique_ptr<analysis::PermissionModel>>> group_models_;
  mutable std::vector<const analysis::PermissionModel*> parts_;
};

}  // namespace iamlint::engine
