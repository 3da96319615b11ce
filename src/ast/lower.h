// Lowers a JSON tree to the typed policy.
#pragma once

#include <optional>

#include "ast/policy.h"
#include "json/document.h"

namespace iamlint::ast {

// Builds the policy rooted at `root`; nullopt when `root` is not an object. `kind` is the
// caller's (from --policy-type or the container); without one it is inferred (infer_kind).
[[nodiscard]] std::optional<Policy> lower_policy(const json::Document& doc, json::NodeId root,
                                                 std::optional<PolicyKind> kind);

// The documented inference for a bare policy file:
//   - no statement has Principal or NotPrincipal            -> identity
//   - every Action is an "sts:" action and no statement
//     has Resource or NotResource                           -> trust
//   - otherwise                                             -> resource
// SCPs and RCPs look like identity policies and resource policies; name them with --policy-type.
[[nodiscard]] PolicyKind infer_kind(const Policy& policy);

}  // namespace iamlint::ast
