// Conditions that no request satisfies, so that the statement holding them never applies: a Deny
// that protects nothing, an Allow that caps everything away. AWS accepts such policies; only what
// they fail to do shows, and only when it is too late.
#pragma once

#include <optional>
#include <string>

#include "ast/policy.h"

namespace iamlint::analysis {

// Why no request satisfies `condition`, for a message ("StringEquals compares ... literally, and
// no ARN holds a '*'"), or nullopt when some request may. Sound: nullopt also means "not shown".
//
// Today: an operator that compares literally (StringEquals, StringEqualsIgnoreCase) whose every
// value holds `*` or `?`, on a key whose values never do (principal and source ARNs, account and
// organisation ids), which every request carries or whose absence fails the test.
[[nodiscard]] std::optional<std::string> never_matches(const ast::Condition& condition);

}  // namespace iamlint::analysis
