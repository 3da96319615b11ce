// Accepted findings: a suppression names a rule and narrows where it applies (statement Sids,
// action and resource patterns, as cdk-nag's appliesTo does); a finding it matches is kept apart,
// with the suppression's reason, instead of being reported (SARIF shows it as suppressed).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ast/policy.h"
#include "engine/finding.h"

namespace iamlint::engine {

struct Suppression {
  const RuleInfo* rule = nullptr;
  // Each list, when not empty, must match (globs; actions and resources case-insensitively):
  std::span<const std::string> sids;       // the Sid of the finding's statement
  std::span<const std::string> actions;    // the action entry the finding points at, or else every
                                           // entry of its statement's Action (or NotAction)
  std::span<const std::string> resources;  // the same for Resource (or NotResource)
  std::string_view reason;
  uint32_t id = 0;       // the caller's number for it, reported back when it matches
  bool expired = false;  // matches are noted, but the finding is reported
};

// Whether `suppression` covers `finding` in `policy` (its rule included).
[[nodiscard]] bool suppresses(const Suppression& suppression, const Finding& finding,
                              const ast::Policy& policy);

}  // namespace iamlint::engine
