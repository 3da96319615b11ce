// The CloudFormation resource properties that hold IAM policy documents, and what each is.
// Sources: the CloudFormation resource and property reference of each type (2025), and Access
// Analyzer's validatePolicyResourceType for the resources it knows.
#pragma once

#include <optional>
#include <span>
#include <string_view>

#include "ast/policy.h"

namespace iamlint::input {

struct PolicyProperty {
  std::string_view resource_type;  // "AWS::IAM::Role"
  // Member names joined by '.', "[]" for each element of an array: "Policies[].PolicyDocument".
  std::string_view path;
  ast::PolicyKind kind;
  std::optional<ast::AttachedResource> attached_to;
};

// The policy properties of a resource type (none for most types). AWS::Organizations::Policy
// (whose Type says SCP or RCP) and SAM's Policies (a list of several forms) are read by the
// template reader itself.
[[nodiscard]] std::span<const PolicyProperty> policy_properties(std::string_view resource_type);

}  // namespace iamlint::input
