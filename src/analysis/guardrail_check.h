// Whether an SCP (and RCP) set enforces each guardrail control, decided on the permission model:
// a control is enforced when, for each of its actions, some Deny of the set covers the action
// (wildcards and NotAction included), names every resource the action acts on, and has no
// condition that lets ordinary callers through — or when the set's Allow statements leave the
// action out (an allow-list denies the rest). Otherwise it is partial, with each gap located in
// the statement that falls short, or missing when no statement of the set touches it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/guardrail_controls.h"
#include "analysis/permission_model.h"
#include "support/byte_range.h"

namespace iamlint::analysis {

enum class ControlStatus : std::uint8_t { kEnforced, kPartial, kMissing, kOff };

// "enforced", "partial", "missing", "off".
[[nodiscard]] std::string_view control_status_name(ControlStatus status);

inline constexpr std::size_t kNoOrigin = std::numeric_limits<std::size_t>::max();

// Why a control is not (fully) enforced, where a statement shows it; `origin` is kNoOrigin for a
// gap no statement shows (no Deny of the set touches the control).
struct ControlGap {
  std::size_t origin = kNoOrigin;
  ByteRange range;
  std::string why;
};

struct ControlVerdict {
  const Control* control = nullptr;
  ControlStatus status = ControlStatus::kMissing;
  std::vector<ControlGap> gaps;
  // The Deny statements that enforce some of its actions, in the model's order.
  std::vector<const Denial*> enforced_by;
  // Actions no Allow of the set names, so the set denies them for everyone.
  std::vector<std::string> left_out_by_allow_list;
};

// One verdict per control, in the controls' order. `model` holds the whole set.
[[nodiscard]] std::vector<ControlVerdict> check_controls(std::span<const Control> controls,
                                                         const PermissionModel& model);

}  // namespace iamlint::analysis
