// What a condition does to the statement it sits in, as the permission model needs to know it:
// which requests it narrows the statement to, whether it pins the caller to fixed accounts,
// organisations or networks (AWS's meaning of "not public"), and how to name it in a message.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "ast/policy.h"

namespace iamlint::analysis {

// The dimension along which a condition narrows a grant: who, from where, or on what. Tests that
// hold for almost every request (TLS, time, user agent, a lone "*", a key that may be absent)
// narrow nothing.
enum class Narrowing : std::uint8_t { kNothing, kCaller, kNetwork, kResource };

[[nodiscard]] std::string_view narrowing_name(Narrowing narrowing);  // "caller", ...

struct ConditionFact {
  const ast::Condition* condition = nullptr;
  // The requests the statement still applies to. For an Allow: those that satisfy the
  // condition. For a Deny: those that do NOT satisfy it, which is what the Deny leaves to the
  // grants it overlaps (`Deny unless aws:SourceIp is 203.0.113.0/24` narrows them to that range).
  Narrowing narrowing = Narrowing::kNothing;
  // Those requests come only from fixed accounts, organisations, networks, VPC endpoints or source
  // resources: a grant to "*" narrowed this way is not public.
  bool pins_caller = false;
};

// The fact for one condition of a statement with `effect` (kInvalid is judged as an Allow).
[[nodiscard]] ConditionFact classify(const ast::Condition& condition, ast::Effect effect);

// The condition as written, for messages: `StringEquals aws:PrincipalOrgID "o-a1b2c3d4e5"`, with
// at most three values shown.
[[nodiscard]] std::string describe(const ast::Condition& condition);

}  // namespace iamlint::analysis
