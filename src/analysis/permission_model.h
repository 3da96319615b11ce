// The effective-permission model: what one or more policies allow after Deny statements,
// NotAction, NotResource, NotPrincipal and conditions, as AWS evaluates them.
//
// Every well-formed Allow statement is a Grant of actions x resources x principals, each of its
// conditions classified by what it narrows (condition_facts.h). Deny statements subtract: an
// unconditional Deny whose resources and principals cover a grant's removes its actions from the
// grant; one that covers only some of a Resource list's entries removes them from those entries;
// a conditional Deny leaves the grant in place and is kept beside it, so that messages can say
// "unless …". Statements AWS would reject (no Effect, both Action and NotAction, …) grant and deny
// nothing here: their structural error is the finding.
//
// The risk rules, SCP-set semantics, `iamlint guardrails`, `iamlint check` and `iamlint diff` all
// ask this one model.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "analysis/action_scope.h"
#include "analysis/condition_facts.h"
#include "analysis/principal_scope.h"
#include "analysis/resource_scope.h"
#include "ast/policy.h"
#include "catalog/action_set.h"

namespace iamlint::analysis {

class PolicyFacts;

// One policy to model; `origin` is the caller's index for it (e.g. which file), handed back in
// every statement so that findings can point into the right file.
struct PolicySource {
  const ast::Policy* policy = nullptr;
  PolicyFacts* facts = nullptr;
  std::size_t origin = 0;
};

// One well-formed statement, as the model sees it.
struct ModelStatement {
  const ast::Policy* policy = nullptr;
  const ast::Statement* statement = nullptr;
  std::size_t origin = 0;
  ActionScope actions;
  ResourceScope resources;
  PrincipalScope principals;
  std::vector<ConditionFact> conditions;

  // The conditions that narrow who, from where or on what (ConditionFact::narrowing).
  [[nodiscard]] std::vector<const ConditionFact*> narrowing_conditions() const;
  // Some condition pins the caller to fixed accounts, organisations or networks.
  [[nodiscard]] bool pins_caller() const;
};

struct Denial : ModelStatement {
  // The actions for which every condition holds whatever the request: tests of a tag key that
  // requests to their services never carry, with a negated operator or ...IfExists. For them the
  // Deny is unconditional. Unset when there are none.
  std::optional<catalog::ActionSet> unconditional_for;
};

struct Grant : ModelStatement {
  // The catalogue actions no unconditional Deny removes from all of the grant's resources, less
  // those its own conditions rule out (a test of a tag key that requests to their service never
  // carry, which can never hold).
  [[nodiscard]] const catalog::ActionSet& allowed() const {
    return reduced ? *reduced : actions.actions();
  }
  // Whether Denies leave it anything. Actions the catalogue does not know (a service newer than
  // the snapshot) cannot be shown to be removed, so a grant of only those still grants.
  [[nodiscard]] bool still_grants() const {
    return !allowed().empty() || actions.actions().empty();
  }

  std::optional<catalog::ActionSet> reduced;  // set once a Deny removes some actions
  // Unconditional Denies that remove actions from some of its Resource entries only.
  std::vector<const Denial*> partial_denials;
  // Conditional Denies that may remove some of its access, under their conditions.
  std::vector<const Denial*> conditional_denials;
};

// How one grant allows one action.
struct Access {
  const Grant* grant = nullptr;
  // The Resource entries through which it reaches the action; empty when the grant names every
  // resource ("*", or the resource a resource policy is attached to) or uses NotResource.
  std::vector<const ast::Resource*> resources;
  // It reaches every resource the action accepts ("*", NotResource, `arn:aws:s3:::*/*`, …).
  bool every_resource = false;
  // It reaches only resources named by values known at deployment (a template's `!Sub` ARN,
  // ResourceScope::named_at_deployment): some resource, not a known one. Only access(action,
  // true) returns such an access.
  bool at_deployment = false;
  // The grant's own conditions that narrow it.
  std::vector<const ConditionFact*> narrowing;
  // Conditional Denies that may take the action away, and among their conditions those that
  // narrow what they leave (`Deny … unless aws:SourceIp is …`).
  std::vector<const Denial*> unless;
  std::vector<const ConditionFact*> narrowing_by_denials;

  // Narrowed by a condition of its own or of a Deny: a note, where an unconstrained grant is a
  // warning.
  [[nodiscard]] bool constrained() const {
    return !narrowing.empty() || !narrowing_by_denials.empty();
  }
};

// The answer for one request (an action on a resource), before conditions are known.
struct Decision {
  enum class Outcome : std::uint8_t {
    kAllowed,       // some grant applies unconditionally and no Deny applies
    kMaybeAllowed,  // allowed if the grant's conditions hold and the conditional Denies' do not
    kDenied,        // an unconditional Deny applies
    kNotAllowed,    // no grant applies (the implicit deny)
  };
  Outcome outcome = Outcome::kNotAllowed;
  std::vector<const Grant*> allowed_by;
  std::vector<const Denial*> unless;  // conditional Denies that apply
  const Denial* denied_by = nullptr;
};

class PermissionModel {
 public:
  explicit PermissionModel(std::span<const PolicySource> policies);

  [[nodiscard]] std::span<const Grant> grants() const { return grants_; }
  [[nodiscard]] std::span<const Denial> denials() const { return denials_; }

  // The grant a well-formed Allow statement became, or nullptr (a Deny, a malformed statement).
  [[nodiscard]] const Grant* grant_of(const ast::Statement& statement) const;
  // Whether the statement still allows `action` after the Denies: false for a statement that
  // does not name it, and for one a Deny cancels. Rules that judge one statement's grant ask
  // this first, so that a grant a Deny takes away is not reported.
  [[nodiscard]] bool still_allows(const ast::Statement& statement, catalog::Action action) const;
  // Whether a Deny leaves the statement anything at all.
  [[nodiscard]] bool still_allows_anything(const ast::Statement& statement) const;

  // The catalogue actions some grant may allow (before resource types are checked): the cheap
  // filter to run before asking access() about each.
  [[nodiscard]] const catalog::ActionSet& allowed_actions() const { return allowed_actions_; }

  // How `action` is allowed: one entry per grant that allows it, in statement order; empty when
  // none does. With `at_deployment`, also the grants that reach it only on resources named at
  // deployment (Access::at_deployment), for the questions that need "on some resource" only.
  [[nodiscard]] std::vector<Access> access(catalog::Action action,
                                           bool at_deployment = false) const;

  // Decides a request for `action` (any name, catalogued or not) on `resource` (an ARN, or "*" for
  // actions that take no resource).
  [[nodiscard]] Decision evaluate(std::string_view action, std::string_view resource) const;

 private:
  void add(const PolicySource& source);
  void subtract_denials();
  // The cheap subtraction, for policies too large to compare every grant with every Deny.
  void subtract_blanket_denials();

  std::vector<Grant> grants_;  // in the order of their statements
  std::vector<Denial> denials_;
  std::vector<const Grant*> by_statement_;  // sorted by statement address, for grant_of
  catalog::ActionSet allowed_actions_;
};

}  // namespace iamlint::analysis
