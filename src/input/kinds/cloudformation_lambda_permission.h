// AWS::Lambda::Permission: one statement of a function's resource policy, written as resource
// properties rather than as a policy document. It is read as the policy Lambda writes for it, so
// that the rules for resource policies judge it (a public invoke, a service principal without a
// source, an account principal).
#pragma once

#include <string>

#include "input/container.h"

namespace iamlint::input {

// Adds the policy that the permission at `resource` (its Properties at `properties`) gives its
// function, as Lambda's AddPermission writes it; nothing when Action, FunctionName or Principal
// is missing. `mark_opaque` marks the intrinsic functions of the policy written.
void add_lambda_permission(Container& container, json::NodeId resource, json::NodeId properties,
                           std::string name, void (*mark_opaque)(json::Document&, json::NodeId));

}  // namespace iamlint::input
