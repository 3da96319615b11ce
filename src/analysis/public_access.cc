#include "analysis/public_access.h"

#include <algorithm>
#include <utility>

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

// Whether the condition would pin or narrow the callers but lets anonymous requests through: they
// carry no principal key, and a ...IfExists test holds without it.
bool passes_anonymous(const ConditionFact* fact) {
  return fact->narrowing == Narrowing::kCaller && fact->holds_without_key;
}

}  // namespace

std::vector<PublicGrant> public_grants(const PermissionModel& model) {
  std::vector<PublicGrant> out;
  for (const Grant& grant : model.grants()) {
    if (grant.principals.form() != PrincipalScope::Form::kEveryone) continue;
    if (!grant.still_grants() || pinned(grant, model.denials())) continue;
    PublicGrant open{.grant = &grant, .narrowing = grant.narrowing_conditions()};
    const auto anonymous =
        std::find_if(open.narrowing.begin(), open.narrowing.end(), passes_anonymous);
    if (anonymous != open.narrowing.end()) open.anonymous_pass = *anonymous;
    std::erase_if(open.narrowing, passes_anonymous);
    out.push_back(std::move(open));
  }
  return out;
}

}  // namespace iamlint::analysis
