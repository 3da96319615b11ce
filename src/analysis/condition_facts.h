// What a condition does to the statement it sits in, as the permission model needs to know it:
// which requests it narrows the statement to, whether it pins the caller to fixed accounts,
// organisations or networks (AWS's meaning of "not public"), and how to name it in a message.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ast/policy.h"
#include "catalog/action_set.h"
#include "catalog/service.h"

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
  // A request without the key satisfies the condition (a negated operator, ...IfExists,
  // ForAllValues).
  bool holds_without_key = false;
  // For a tag key (catalog::is_tag_key): the services among the statement's actions that support
  // no form of it. Their requests never carry the key, so for their actions the condition always
  // holds (holds_without_key) or never does. Set by untagged_services(); empty for the Null
  // operator, whose presence test means what it says for every service.
  std::vector<catalog::Service> untagged_services;

  [[nodiscard]] bool always_holds_for(catalog::Service service) const {
    return holds_without_key && untagged(service);
  }
  [[nodiscard]] bool never_holds_for(catalog::Service service) const {
    return !holds_without_key && untagged(service);
  }

 private:
  [[nodiscard]] bool untagged(catalog::Service service) const {
    return std::find(untagged_services.begin(), untagged_services.end(), service) !=
           untagged_services.end();
  }
};

// The fact for one condition of a statement with `effect` (kInvalid is judged as an Allow).
[[nodiscard]] ConditionFact classify(const ast::Condition& condition, ast::Effect effect);

// A request without the condition's key satisfies it: a negated operator, ...IfExists, or
// ForAllValues (which holds for an empty set of values).
[[nodiscard]] bool holds_without_key(const ast::Condition& condition);

// The services among `actions` that support no form of the condition's tag key (see
// ConditionFact::untagged_services); empty when the key is not a known tag key.
[[nodiscard]] std::vector<catalog::Service> untagged_services(const ast::Condition& condition,
                                                              const catalog::ActionSet& actions);

// The condition as written, for messages: `StringEquals aws:PrincipalOrgID "o-a1b2c3d4e5"`, with
// at most three values shown.
[[nodiscard]] std::string describe(const ast::Condition& condition);

}  // namespace iamlint::analysis
