// The roles, users and groups of a CloudFormation template, each with every policy of the
// template that applies to it, for the rules that judge what a principal may do.
#pragma once

#include <cstddef>
#include <map>

#include "input/container.h"

namespace iamlint::input {

// `resources` is the template's Resources object; `policy_of` gives, for each policy document the
// template reader added (its node), its index in Reading::policies.
void add_template_principals(Container& container, json::NodeId resources,
                             const std::map<json::NodeId, std::size_t>& policy_of);

}  // namespace iamlint::input
