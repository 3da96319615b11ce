// The interface every rule implements, and its self-registration.
//
// A rule is one class in one file under rules/, with a `static constexpr RuleInfo kInfo` and the
// hooks it needs; IAMLINT_REGISTER_RULE adds it to the registry at start-up (rules/ is linked
// whole, so no list of rules is kept by hand).
#pragma once

#include <memory>

#include "ast/policy.h"
#include "engine/rule_context.h"
#include "engine/rule_info.h"
#include "json/parser.h"

namespace iamlint::engine {

class PrincipalSet;

class Rule {
 public:
  virtual ~Rule() = default;
  [[nodiscard]] virtual const RuleInfo& info() const = 0;

  // The file is not a readable JSON document; the rest of the hooks do not run for it.
  virtual void check_unparsable(const json::SyntaxError& /*error*/, RuleContext& /*ctx*/) const {}
  // The file is valid JSON but its top level is not an object, so it holds no policy; the rest of
  // the hooks do not run for it.
  virtual void check_non_policy(const json::Document& /*doc*/, RuleContext& /*ctx*/) const {}
  virtual void check_policy(const ast::Policy& /*policy*/, RuleContext& /*ctx*/) const {}
  virtual void check_statement(const ast::Statement& /*statement*/, RuleContext& /*ctx*/) const {}
  virtual void check_condition(const ast::Statement& /*statement*/,
                               const ast::Condition& /*condition*/, RuleContext& /*ctx*/) const {}
  // A user, group or role with every identity policy that applies to it (engine/principal_set.h),
  // after each of those policies was linted on its own. Its findings have no policy: the context
  // has the file's text only, and ranges are the file's (PrincipalSet::to_file).
  virtual void check_principal(const PrincipalSet& /*set*/, RuleContext& /*ctx*/) const {}
};

// Adds a rule to the registry; returns true so that it can initialise a namespace-scope constant.
bool register_rule(std::unique_ptr<Rule> rule);

}  // namespace iamlint::engine

#define IAMLINT_REGISTER_RULE(Type)               \
  [[maybe_unused]] const bool kRegistered##Type = \
      ::iamlint::engine::register_rule(std::make_unique<Type>())
