// The roles, users and groups of a CloudFormation template, each with every policy of the
// template that applies to it, for the rules that judge what a principal may do.
#pragma once

#include <cstddef>
#include <map>
#include <vector>

#include "input/container.h"

namespace iamlint::input {

// The entries of a SAM function's or state machine's Policies (under `properties`): a policy
// document, or each element of a list of documents, managed policy names or ARNs and SAM policy
// templates ({"S3ReadPolicy": {...}}). Empty when it has none.
[[nodiscard]] std::vector<json::NodeId> sam_policy_entries(const Container& container,
                                                           json::NodeId properties);

// `resources` is the template's Resources object; `policy_of` gives, for each policy document the
// template reader added (its node), its index in Reading::policies.
void add_template_principals(Container& container, json::NodeId resources,
                             const std::map<json::NodeId, std::size_t>& policy_of);

}  // namespace iamlint::input
