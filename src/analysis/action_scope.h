// The actions one statement applies to: its Action or NotAction entries as written, and the
// catalogue actions they name. Rules ask the catalogue side ("does it allow iam:PassRole?");
// comparisons of two policies ask the written side too, because a pattern such as `s3:Get*` also
// names the actions AWS adds after the catalogue snapshot was taken.
#pragma once

#include <span>
#include <string_view>

#include "ast/policy.h"
#include "catalog/action_set.h"

namespace iamlint::analysis {

class ActionScope {
 public:
  ActionScope() = default;
  // `expanded` is the statement's catalogue actions (analysis::statement_actions), kept by
  // reference: PolicyFacts computes each statement's once.
  ActionScope(const ast::Statement& statement, const catalog::ActionSet& expanded);

  // NotAction: every action except the entries.
  [[nodiscard]] bool negated() const { return negated_; }
  [[nodiscard]] std::span<const ast::Action> entries() const { return entries_; }
  // Inline: the model and the rules ask it for every action of every grant, millions of times.
  [[nodiscard]] const catalog::ActionSet& actions() const { return *actions_; }

  // Whether the statement applies to the action named `name` ("s3:GetObject"), catalogued or not.
  [[nodiscard]] bool matches(std::string_view name) const;
  // Whether it applies to every action, known today or added later, that `pattern` names. Sound:
  // `false` may also mean "not shown".
  [[nodiscard]] bool covers(std::string_view pattern) const;
  // Whether it applies to every action the other scope applies to, by their written patterns.
  [[nodiscard]] bool covers(const ActionScope& other) const;
  // Whether some action may be in both scopes.
  [[nodiscard]] bool overlaps(const ActionScope& other) const;

 private:
  bool negated_ = false;
  std::span<const ast::Action> entries_;
  static const catalog::ActionSet kNone;  // the actions of a default-constructed scope
  const catalog::ActionSet* actions_ = &kNone;
};

}  // namespace iamlint::analysis
