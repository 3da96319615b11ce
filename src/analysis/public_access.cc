#include "analysis/public_access.h"

#include <algorithm>

namespace iamlint::analysis {
namespace {

// The Deny applies to every action and resource of the grant.
bool covers_grant(const Denial& denial, const Grant& grant) {
  catalog::ActionSet left = grant.allowed();
  left -= denial.actions.actions();
  return left.empty() && denial.actions.covers(grant.actions) &&
         denial.resources.covers(grant.resources);
}

// A Deny that leaves the grant only to pinned callers: `Deny … unless aws:PrincipalOrgID is …`,
// or `Deny` with `NotPrincipal` naming the principals that keep access.
bool pinned_by(const Denial& denial, const Grant& grant) {
  if (!covers_grant(denial, grant)) return false;
  if (denial.conditions.empty()) return denial.principals.form() == PrincipalScope::Form::kAllBut;
  return denial.principals.covers(grant.principals) && denial.pins_caller();
}

bool pinned(const Grant& grant, std::span<const Denial> denials) {
  if (grant.pins_caller()) return true;
  return std::any_of(denials.begin(), denials.end(),
                     [&](const Denial& denial) { return pinned_by(denial, grant); });
}

}  // namespace

std::vector<PublicGrant> public_grants(const PermissionModel& model) {
  std::vector<PublicGrant> out;
  for (const Grant& grant : model.grants()) {
    if (grant.principals.form() != PrincipalScope::Form::kEveryone) continue;
    if (!grant.still_grants() || pinned(grant, model.denials())) continue;
    out.push_back({.grant = &grant, .narrowing = grant.narrowing_conditions()});
  }
  return out;
}

}  // namespace iamlint::analysis
