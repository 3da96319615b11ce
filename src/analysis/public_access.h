// Which grants of a resource or trust policy anyone may use: a Principal of "*" (or
// {"AWS": "*"}) that no condition pins to fixed accounts, organisations, networks, VPC endpoints or
// source resources, and no Deny narrows to named principals. This follows what S3 Block Public
// Access and IAM Access Analyzer call public; the public-access rule and `iamlint check
// no-public-access` both ask it.
#pragma once

#include <vector>

#include "analysis/permission_model.h"

namespace iamlint::analysis {

struct PublicGrant {
  const Grant* grant = nullptr;
  // Conditions that narrow the grant without pinning its callers (an object tag, a prefix): the
  // grant is still public, for a smaller part of the resource.
  std::vector<const ConditionFact*> narrowing;
  // A condition that pins or narrows the callers for signed requests only (`StringEqualsIfExists
  // aws:PrincipalAccount`): anonymous requests carry no principal key and pass it. Null if none.
  const ConditionFact* anonymous_pass = nullptr;
};

// The public grants of `model`, in statement order.
[[nodiscard]] std::vector<PublicGrant> public_grants(const PermissionModel& model);

}  // namespace iamlint::analysis
