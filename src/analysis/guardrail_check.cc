#include "analysis/guardrail_check.h"

#include <algorithm>
#include <optional>

#include <fmt/core.h>

#include "analysis/caller_reach.h"
#include "analysis/condition_facts.h"
#include "analysis/condition_never_matches.h"
#include "analysis/resource_scope.h"
#include "catalog/action.h"
#include "catalog/ascii.h"
#include "catalog/glob.h"

namespace iamlint::analysis {
namespace {

// In a gap's reason, where the names of the control's actions it concerns go; the gaps one
// statement shows for several actions become one.
constexpr std::string_view kActions = "{actions}";

ControlGap gap_at(const Denial& denial, ByteRange range, std::string why) {
  return {.origin = denial.origin, .range = range, .why = std::move(why)};
}

// "a", "a and b", "a, b and c".
std::string join_names(std::span<const std::string> names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    out += i == 0 ? "" : i + 1 == names.size() ? " and " : ", ";
    out += names[i] == "*" ? "every action (\"*\")" : names[i];
  }
  return out;
}

bool every_resource_pattern(std::string_view pattern) {
  return resource_contains(pattern, "*");
}

// Whether the Deny's resources reach every resource `action` acts on; a gap when not.
std::optional<ControlGap> resource_gap(const Denial& denial, std::string_view action) {
  const ResourceScope& resources = denial.resources;
  const std::optional<catalog::Action> known = action.find_first_of("*?") == std::string_view::npos
                                                   ? catalog::find_action(action)
                                                   : std::nullopt;
  switch (resources.form()) {
    case ResourceScope::Form::kAny:
      return std::nullopt;
    case ResourceScope::Form::kListed: {
      const auto& entries = resources.entries();
      const bool reaches = std::any_of(entries.begin(), entries.end(), [&](const ast::Resource& r) {
        return known ? names_every_resource(r.text.value, *known)
                     : every_resource_pattern(r.text.value);
      });
      if (reaches) return std::nullopt;
      const bool star_only = known && known->resource_types().empty();
      return gap_at(denial, denial.statement->resource->range,
                    star_only ? fmt::format("only \"Resource\": \"*\" reaches {}, and this Deny "
                                            "names narrower resources, so it never denies them",
                                            kActions)
                              : fmt::format("this Deny names only some of the resources of {}; "
                                            "use \"Resource\": \"*\"",
                                            kActions));
    }
    case ResourceScope::Form::kAllBut: {
      const auto& entries = resources.entries();
      const bool excludes =
          std::any_of(entries.begin(), entries.end(), [&](const ast::Resource& r) {
            return !known || can_name_resource_of(r.text.value, *known);
          });
      if (!excludes) return std::nullopt;
      return gap_at(denial, denial.statement->not_resource->range,
                    fmt::format("NotResource leaves resources of {} out of this Deny; use "
                                "\"Resource\": \"*\"",
                                kActions));
    }
  }
  return std::nullopt;
}

std::string join(std::span<const std::string> values) {
  std::string out;
  for (const std::string& value : values) out += (out.empty() ? "\"" : ", \"") + value + "\"";
  return out;
}

bool is_allowed_as_written(const ast::Condition& condition, const AllowedCondition& allowed) {
  if (condition.op.text.value != allowed.op || condition.values.size() != allowed.values.size())
    return false;
  for (std::size_t i = 0; i < allowed.values.size(); ++i) {
    if (!catalog::equals_folded(condition.values[i].text, allowed.values[i])) return false;
  }
  return true;
}

// A gap for a condition on who calls: one that exempts, or never reaches, callers the control
// must bind.
std::optional<ControlGap> caller_gap(const Denial& denial, const ast::Condition& condition,
                                     const Control& control) {
  const CallerReach reach = caller_reach(condition);
  const bool exemption = is_exemption(condition);
  for (Caller caller : kCallers) {
    if (control.root_only && caller != Caller::kRoot) continue;
    switch (reach.of(caller)) {
      case Reach::kAll:
        break;
      case Reach::kAllButNamed:
        if (control.named_exemptions) break;
        return gap_at(
            denial, condition.values_range,
            fmt::format("{} exempts principals this control may not exempt", describe(condition)));
      case Reach::kNone:
        return gap_at(denial, condition.values_range,
                      exemption
                          ? fmt::format("{} exempts {}", describe(condition), caller_name(caller))
                          : fmt::format("{} leaves {} out of this Deny", describe(condition),
                                        caller_name(caller)));
      case Reach::kSome:
        return gap_at(denial, condition.values_range,
                      fmt::format("{} limits this Deny to some of {}", describe(condition),
                                  caller_name(caller)));
    }
  }
  return std::nullopt;
}

std::optional<ControlGap> condition_gap(const Denial& denial, const ast::Condition& condition,
                                        const Control& control) {
  if (std::optional<std::string> why = never_matches(condition)) {
    return gap_at(denial, condition.values_range, *why + ": this Deny never applies");
  }
  if (tests_caller(condition)) return caller_gap(denial, condition, control);
  const auto allowed =
      std::find_if(control.allowed_conditions.begin(), control.allowed_conditions.end(),
                   [&](const AllowedCondition& a) {
                     return catalog::equals_folded(a.key, condition.key.value);
                   });
  if (allowed != control.allowed_conditions.end()) {
    if (is_allowed_as_written(condition, *allowed)) return std::nullopt;
    return gap_at(denial, condition.op.text.range,
                  fmt::format("{} where {} {} {} is needed: {}", describe(condition), allowed->op,
                              allowed->key, join(allowed->values), allowed->because));
  }
  return gap_at(denial, condition.op.text.range,
                fmt::format("{} limits this Deny to the requests that meet it; the others pass",
                            describe(condition)));
}

// Every reason the Deny falls short of enforcing the control for `action` (which it covers).
std::vector<ControlGap> gaps_of(const Denial& denial, std::string_view action,
                                const Control& control) {
  std::vector<ControlGap> gaps;
  if (std::optional<ControlGap> gap = resource_gap(denial, action)) gaps.push_back(*gap);
  for (const ast::Condition& condition : denial.statement->conditions) {
    if (std::optional<ControlGap> gap = condition_gap(denial, condition, control))
      gaps.push_back(std::move(*gap));
  }
  return gaps;
}

// Whether the Deny is written for other callers than the control must bind (`StringLike
// aws:PrincipalArn arn:aws:iam::*:root` for a control on everyone): it is about something else, so
// it neither enforces the control nor counts as a weak attempt at it.
bool aimed_elsewhere(const Denial& denial, const Control& control) {
  return std::any_of(
      denial.statement->conditions.begin(), denial.statement->conditions.end(),
      [&](const ast::Condition& condition) {
        // A test that never holds is a broken attempt, reported as such.
        if (!tests_caller(condition) || is_exemption(condition) || never_matches(condition)) {
          return false;
        }
        const CallerReach reach = caller_reach(condition);
        return std::any_of(kCallers.begin(), kCallers.end(), [&](Caller caller) {
          return (!control.root_only || caller == Caller::kRoot) &&
                 reach.of(caller) == Reach::kNone;
        });
      });
}

// Whether the Deny names `action` in its Action list, by itself or by a pattern narrower than
// "*": an attempt at the control whose shortfalls are worth reporting. A Deny of every action
// (`"*"`, NotAction) with a condition is another guardrail (a Region lock, a root deny); that it
// does not also enforce this control is no gap of its own.
bool names_action(const Denial& denial, std::string_view action) {
  if (!denial.statement->action) return false;
  const auto& entries = denial.statement->action->entries;
  return std::any_of(entries.begin(), entries.end(), [&](const ast::Action& entry) {
    return (entry.text.value != "*" || action == "*") &&
           catalog::glob_contains(entry.text.value, action, catalog::LetterCase::kInsensitive);
  });
}

// Whether the set's SCP Allow statements leave `action` out, so that it is denied to everyone.
// Only for a set that allows something, and only for one action by name.
bool left_out_by_allow_list(const PermissionModel& model, std::string_view action) {
  if (action.find_first_of("*?") != std::string_view::npos) return false;
  bool any_allow = false;
  for (const Grant& grant : model.grants()) {
    if (grant.policy->kind != ast::PolicyKind::kScp) continue;
    any_allow = true;
    if (grant.actions.matches(action)) return false;
  }
  return any_allow;
}

// A gap found for some of the control's actions, before their names fill its reason.
struct PendingGap {
  ControlGap gap;
  std::vector<std::string> actions;
};

void add_gap(std::vector<PendingGap>& gaps, ControlGap gap, const std::string& action) {
  auto known = std::find_if(gaps.begin(), gaps.end(), [&](const PendingGap& g) {
    return g.gap.origin == gap.origin && g.gap.range == gap.range && g.gap.why == gap.why;
  });
  if (known == gaps.end()) known = gaps.insert(gaps.end(), {std::move(gap), {}});
  known->actions.push_back(action);
}

ControlGap named(PendingGap pending) {
  const std::size_t at = pending.gap.why.find(kActions);
  if (at != std::string::npos)
    pending.gap.why.replace(at, kActions.size(), join_names(pending.actions));
  return std::move(pending.gap);
}

ControlVerdict check_control(const Control& control, const PermissionModel& model) {
  ControlVerdict verdict{.control = &control};
  if (control.disabled) {
    verdict.status = ControlStatus::kOff;
    return verdict;
  }
  std::vector<std::string> undenied;  // actions no Deny of the set covers
  std::size_t enforced = 0;
  bool touched = false;
  const Denial* anchor = nullptr;  // a Deny that covers some of the control's actions
  std::vector<PendingGap> gaps;
  for (const std::string& action : control.deny) {
    bool done = false;
    std::vector<ControlGap> fewest_gaps;  // of the Deny that comes closest
    for (const Denial& denial : model.denials()) {
      if (!denial.actions.covers(action) || aimed_elsewhere(denial, control)) continue;
      std::vector<ControlGap> gaps = gaps_of(denial, action, control);
      if (!gaps.empty() && !names_action(denial, action)) continue;
      if (anchor == nullptr) anchor = &denial;
      if (gaps.empty()) {
        done = true;
        if (std::find(verdict.enforced_by.begin(), verdict.enforced_by.end(), &denial) ==
            verdict.enforced_by.end()) {
          verdict.enforced_by.push_back(&denial);
        }
        break;
      }
      if (fewest_gaps.empty() || gaps.size() < fewest_gaps.size()) fewest_gaps = std::move(gaps);
    }
    if (!done && left_out_by_allow_list(model, action)) {
      verdict.left_out_by_allow_list.push_back(action);
      done = true;
    }
    if (done) {
      ++enforced;
      touched = true;
    } else if (!fewest_gaps.empty()) {
      touched = true;
      for (ControlGap& gap : fewest_gaps) add_gap(gaps, std::move(gap), action);
    } else {
      undenied.push_back(action);
    }
  }
  if (enforced == control.deny.size()) {
    verdict.status = ControlStatus::kEnforced;
    return verdict;
  }
  verdict.status = touched ? ControlStatus::kPartial : ControlStatus::kMissing;
  for (PendingGap& pending : gaps) verdict.gaps.push_back(named(std::move(pending)));
  if (!undenied.empty()) {
    const std::string why = fmt::format("{} {} denied by no statement of the set",
                                        join_names(undenied), undenied.size() == 1 ? "is" : "are");
    if (anchor != nullptr) {
      const ast::Statement& statement = *anchor->statement;
      const ByteRange at = statement.action       ? statement.action->range
                           : statement.not_action ? statement.not_action->range
                                                  : statement.range;
      verdict.gaps.push_back(gap_at(*anchor, at, why));
    } else {
      verdict.gaps.push_back({.why = why});
    }
  }
  return verdict;
}

}  // namespace

std::string_view control_status_name(ControlStatus status) {
  switch (status) {
    case ControlStatus::kEnforced:
      return "enforced";
    case ControlStatus::kPartial:
      return "partial";
    case ControlStatus::kMissing:
      return "missing";
    case ControlStatus::kOff:
      return "off";
  }
  return "";
}

std::vector<ControlVerdict> check_controls(std::span<const Control> controls,
                                           const PermissionModel& model) {
  std::vector<ControlVerdict> verdicts;
  verdicts.reserve(controls.size());
  for (const Control& control : controls) verdicts.push_back(check_control(control, model));
  return verdicts;
}

}  // namespace iamlint::analysis
