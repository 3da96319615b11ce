// Whom a statement's conditions on the caller's identity let it apply to. Guardrails are judged
// by it: a Deny that exempts one break-glass role still protects the account, one that exempts
// every role (`ArnNotLike aws:PrincipalArn arn:aws:iam::*:role/*`) protects it from almost no one,
// since people and workloads act through roles.
//
// Callers are judged by class — the account's root user, its IAM users, its role sessions — since
// a policy's patterns name classes (`arn:aws:iam::*:root`), not people. A condition on anything
// else (Region, MFA, tags) narrows the requests, not the callers, and is left to the caller.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

#include "ast/policy.h"

namespace iamlint::analysis {

enum class Caller : std::uint8_t { kRoot, kUser, kRole };

inline constexpr std::array<Caller, 3> kCallers = {Caller::kRoot, Caller::kUser, Caller::kRole};

// "the root user", "every IAM user", "every role": for messages.
[[nodiscard]] std::string_view caller_name(Caller caller);

// For how many callers of one class a condition (or a statement) holds, from fewest to most.
enum class Reach : std::uint8_t {
  kNone,  // none of them: for a Deny, the whole class goes free
  kSome,  // those some pattern names (`StringLike aws:PrincipalArn arn:aws:iam::*:role/Dev*`)
  kAllButNamed,  // all but principals named one by one (an exempted break-glass role)
  kAll,          // every one of them
};

struct CallerReach {
  std::array<Reach, 3> by_caller = {Reach::kAll, Reach::kAll, Reach::kAll};  // by Caller

  [[nodiscard]] Reach of(Caller caller) const {
    return by_caller[static_cast<std::size_t>(caller)];
  }
};

// Whether the condition tests who calls (aws:PrincipalArn, aws:PrincipalType, aws:userid, ...).
[[nodiscard]] bool tests_caller(const ast::Condition& condition);

// For how many callers of each class the condition holds. Conditions that do not test the caller
// hold for all of them.
[[nodiscard]] CallerReach caller_reach(const ast::Condition& condition);

// The same for a statement: all its conditions must hold.
[[nodiscard]] CallerReach caller_reach(const ast::Statement& statement);

// A negated test on the caller (`ArnNotLike`, `StringNotEquals`, ...): it names whom the
// statement leaves out, rather than whom it is for.
[[nodiscard]] bool is_exemption(const ast::Condition& condition);

}  // namespace iamlint::analysis
