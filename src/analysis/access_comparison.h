// What one policy allows that another does not: the question `iamlint check no-new-access` and
// `iamlint diff` ask of a changed policy, answered on the permission model of each side.
//
// Each grant of the newer policy, after its own Denies, is cut into cells — one catalogue action
// (or, for an action the catalogue does not know, the pattern as written) × one Resource entry
// (or every resource, or all but the NotResource entries) × one principal entry (or the policy's
// holder) — and each cell must be allowed by some grant of the older policy, after its Denies:
// that grant's actions, resources and principals must contain the cell's, and its conditions must
// hold whenever the new grant's do (condition_implication.h). So statements may be split, merged,
// reordered or renamed freely. An older Deny that overlaps a cell must be matched by a newer Deny
// that removes at least as much there, or the cell is new access "because the Deny is gone".
//
// Sound towards "new": a cell reported as covered is covered. What cannot be shown either way (an
// unrelated condition key, an unparsable value) is reported with certainty kUndecided.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/condition_implication.h"
#include "analysis/permission_model.h"

namespace iamlint::analysis {

// Why a cell of the newer policy is not allowed by the older one.
enum class AccessChange : uint8_t {
  kAction,     // no older grant allows the action at all
  kResource,   // older grants allow the action, but on none of these resources
  kPrincipal,  // ... on these resources, but to none of these principals
  kCondition,  // ... to these principals, but under narrower conditions
  kDenial,     // an older Deny that took it away is gone or narrower
};

[[nodiscard]] std::string_view access_change_name(AccessChange change);  // "action", ...

// Access that the newer policy allows and the older one may not: the actions of one grant that
// share the reason, the resource and the principal.
struct AccessDelta {
  const Grant* grant = nullptr;  // the newer policy's grant that allows it
  AccessChange change = AccessChange::kAction;
  Implication certainty = Implication::kNotImplied;  // kUndecided: it may be covered after all
  std::vector<std::uint32_t> actions;                // catalogue positions, in order
  std::vector<std::string_view> unknown_actions;     // patterns the catalogue has no action for
  // The grant's Resource entry, or nullptr for every resource (or all but its NotResource).
  const ast::Resource* resource = nullptr;
  std::string resource_text;  // the entry's text, "*", or "every resource but …" for NotResource
  // The grant's principal entry, or nullptr for its whole principal scope.
  const ast::PrincipalEntry* principal = nullptr;
  // kCondition: the older grant's conditions the new one does not imply (its closest candidate).
  std::vector<ConditionGap> condition_gaps;
  // kDenial: the older Deny that no newer one matches.
  const Denial* lost_denial = nullptr;
};

// What `newer` allows that `older` does not, grouped as above, in the newer policy's statement
// order. Empty when the newer policy grants nothing new.
[[nodiscard]] std::vector<AccessDelta> compare_access(const PermissionModel& older,
                                                      const PermissionModel& newer);

// The number of actions in a delta, catalogued or not.
[[nodiscard]] inline std::size_t action_count(const AccessDelta& delta) {
  return delta.actions.size() + delta.unknown_actions.size();
}

}  // namespace iamlint::analysis
