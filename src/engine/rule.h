// The interface every rule implements, and its self-registration.
//
// A rule is one class in one file under rules/, with a `static constexpr RuleInfo kInfo` and the
// hooks it needs; IAMLINT_REGISTER_RULE adds it to the registry at start-up (rules/ is linked
// whole, so no list of rules is kept by hand).
#pragma once

#include <memory>
#include <type_traits>

#include "ast/policy.h"
#include "engine/rule_context.h"
#include "engine/rule_info.h"
#include "json/parser.h"

namespace iamlint::engine {

class PrincipalSet;

// Which of the per-statement hooks a rule overrides.
struct RuleHooks {
  bool statement = true;
  bool condition = true;
};

class Rule {
 public:
  virtual ~Rule() = default;
  [[nodiscard]] virtual const RuleInfo& info() const = 0;

  // Found at registration (declared_hooks); both for a rule made otherwise. The linter calls
  // check_statement and check_condition only on the rules that have them: a statement would
  // otherwise make a hundred calls to empty hooks, and each of its conditions as many.
  [[nodiscard]] const RuleHooks& hooks() const { return hooks_; }
  void set_hooks(RuleHooks hooks) { hooks_ = hooks; }

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

 private:
  RuleHooks hooks_;
};

// The hooks `Type` declares: the address of one it only inherits points to a member of Rule.
template <class Type>
constexpr RuleHooks declared_hooks() {
  return {.statement =
              !std::is_same_v<decltype(&Type::check_statement), decltype(&Rule::check_statement)>,
          .condition =
              !std::is_same_v<decltype(&Type::check_condition), decltype(&Rule::check_condition)>};
}

// Adds a rule to the registry with its hooks; returns true so that it can initialise a
// namespace-scope constant.
bool register_rule(std::unique_ptr<Rule> rule, RuleHooks hooks);

}  // namespace iamlint::engine

#define IAMLINT_REGISTER_RULE(Type)                                                 \
  [[maybe_unused]] const bool kRegistered##Type = ::iamlint::engine::register_rule( \
      std::make_unique<Type>(), ::iamlint::engine::declared_hooks<Type>())
