#include "analysis/access_comparison.h"

#include <algorithm>
#include <map>
#include <optional>
#include <span>
#include <tuple>

#include "analysis/actions.h"
#include "analysis/resource_scope.h"

namespace iamlint::analysis {
namespace {

// The resources of one cell, or of one older grant's reach for an action.
struct ResourceCell {
  enum class Reach : uint8_t { kEvery, kListed, kAllBut } reach = Reach::kEvery;
  const ast::Resource* entry = nullptr;       // kListed
  std::span<const ast::Resource> excluded{};  // kAllBut
};
using CellReach = ResourceCell::Reach;

std::vector<ResourceCell> cells_of(const ResourceScope& scope) {
  switch (scope.form()) {
    case ResourceScope::Form::kAny:
      return {{}};
    case ResourceScope::Form::kAllBut:
      return {{.reach = CellReach::kAllBut, .excluded = scope.entries()}};
    case ResourceScope::Form::kListed:
      break;
  }
  std::vector<ResourceCell> cells;
  for (const ast::Resource& entry : scope.entries())
    cells.push_back({.reach = CellReach::kListed, .entry = &entry});
  return cells;
}

// The resources through which a grant reaches one catalogue action (PermissionModel::access).
std::vector<ResourceCell> cells_of(const Access& access) {
  const ResourceScope& scope = access.grant->resources;
  if (scope.form() == ResourceScope::Form::kAllBut && access.resources.empty())
    return {{.reach = CellReach::kAllBut, .excluded = scope.entries()}};
  if (access.every_resource) return {{}};
  std::vector<ResourceCell> cells;
  for (const ast::Resource* entry : access.resources)
    cells.push_back({.reach = CellReach::kListed, .entry = entry});
  return cells;
}

bool covers(const ResourceCell& outer, const ResourceCell& inner) {
  switch (outer.reach) {
    case CellReach::kEvery:
      return true;
    case CellReach::kListed:
      return inner.reach == CellReach::kListed &&
             resource_contains(outer.entry->text.value, inner.entry->text.value);
    case CellReach::kAllBut:
      if (inner.reach == CellReach::kListed) {
        return std::none_of(outer.excluded.begin(), outer.excluded.end(),
                            [&](const ast::Resource& x) {
                              return resources_intersect(x.text.value, inner.entry->text.value);
                            });
      }
      // Every resource but X contains every resource but Y when Y holds all of X.
      return inner.reach == CellReach::kAllBut &&
             std::all_of(outer.excluded.begin(), outer.excluded.end(), [&](const ast::Resource& x) {
               return std::any_of(inner.excluded.begin(), inner.excluded.end(),
                                  [&](const ast::Resource& y) {
                                    return resource_contains(y.text.value, x.text.value);
                                  });
             });
  }
  return false;
}

bool any_covers(std::span<const ResourceCell> outer, const ResourceCell& inner) {
  return std::any_of(outer.begin(), outer.end(),
                     [&](const ResourceCell& cell) { return covers(cell, inner); });
}

// Whether a Deny's resources may meet the cell's.
bool touches(const ResourceScope& scope, const ResourceCell& cell) {
  if (cell.reach != CellReach::kListed || scope.form() == ResourceScope::Form::kAny) return true;
  const std::string_view resource = cell.entry->text.value;
  const auto entries = scope.entries();
  if (scope.form() == ResourceScope::Form::kListed) {
    return std::any_of(entries.begin(), entries.end(), [&](const ast::Resource& entry) {
      return resources_intersect(entry.text.value, resource);
    });
  }
  return std::none_of(entries.begin(), entries.end(), [&](const ast::Resource& excluded) {
    return resource_contains(excluded.text.value, resource);
  });
}

bool both_ways_related(const ast::PrincipalEntry& a, const ast::PrincipalEntry& b) {
  return principal_contains(a, b) || principal_contains(b, a);
}

// Whether `outer` applies to the principal `entry` of `scope` (its whole scope when nullptr).
bool covers(const PrincipalScope& outer, const PrincipalScope& scope,
            const ast::PrincipalEntry* entry) {
  if (entry == nullptr) return outer.covers(scope);
  const auto entries = outer.entries();
  switch (outer.form()) {
    case PrincipalScope::Form::kEveryone:
      return true;
    case PrincipalScope::Form::kHolder:
      return false;
    case PrincipalScope::Form::kListed:
      return std::any_of(entries.begin(), entries.end(), [&](const ast::PrincipalEntry& e) {
        return principal_contains(e, *entry);
      });
    case PrincipalScope::Form::kAllBut:
      return std::none_of(entries.begin(), entries.end(), [&](const ast::PrincipalEntry& e) {
        return both_ways_related(e, *entry);
      });
  }
  return false;
}

// The action of a cell: a catalogue action, or a pattern the catalogue has no action for.
struct CellAction {
  std::optional<catalog::Action> known;
  std::string_view pattern;

  [[nodiscard]] bool in(const ActionScope& scope) const {
    return known ? scope.actions().contains(*known) : scope.covers(pattern);
  }
};

struct Cell {
  CellAction action;
  ResourceCell resource;
  const PrincipalScope* principals = nullptr;
  const ast::PrincipalEntry* principal = nullptr;  // nullptr: the whole scope
};

// An older grant's reach for the cell's action.
struct Candidate {
  const Grant* grant = nullptr;
  std::vector<ResourceCell> cells;
};

struct Verdict {
  AccessChange change = AccessChange::kAction;
  Implication certainty = Implication::kNotImplied;
  const Grant* compared_with = nullptr;  // kCondition: the older grant whose conditions are lost
  const Denial* lost_denial = nullptr;
};

class Comparison {
 public:
  Comparison(const PermissionModel& older, const PermissionModel& newer)
      : older_(older),
        newer_(newer),
        grant_pairs_(older.grants().size() * newer.grants().size()),
        denial_pairs_(older.denials().size() * newer.denials().size()) {}

  std::vector<AccessDelta> run() {
    for (catalog::Action action : newer_.allowed_actions()) compare_known(action);
    for (const Grant& grant : newer_.grants()) compare_unknown(grant);
    std::stable_sort(deltas_.begin(), deltas_.end(), [](const auto& a, const auto& b) {
      return a.grant->statement->index < b.grant->statement->index;
    });
    return std::move(deltas_);
  }

 private:
  void compare_known(catalog::Action action) {
    const std::vector<Access> granted = newer_.access(action);
    if (granted.empty()) return;
    std::vector<Candidate> candidates;
    for (const Access& access : older_.access(action))
      candidates.push_back({access.grant, cells_of(access)});
    const CellAction cell_action{action, {}};
    for (const Access& access : granted) {
      for (const ResourceCell& resource : cells_of(access))
        compare_cells(*access.grant, cell_action, resource, candidates);
    }
  }

  // Action entries the catalogue has no action for (a service newer than the snapshot): compared
  // by their patterns, on the grant's resources as written.
  void compare_unknown(const Grant& grant) {
    if (grant.actions.negated()) return;
    for (const ast::Action& entry : grant.actions.entries()) {
      if (!actions_of(entry).empty()) continue;
      const CellAction action{std::nullopt, entry.text.value};
      std::vector<Candidate> candidates;
      for (const Grant& old : older_.grants()) {
        if (old.actions.covers(entry.text.value))
          candidates.push_back({&old, cells_of(old.resources)});
      }
      for (const ResourceCell& resource : cells_of(grant.resources))
        compare_cells(grant, action, resource, candidates);
    }
  }

  void compare_cells(const Grant& grant, const CellAction& action, const ResourceCell& resource,
                     std::span<const Candidate> candidates) {
    Cell cell{action, resource, &grant.principals};
    if (grant.principals.form() != PrincipalScope::Form::kListed) {
      record(grant, cell, judge(grant, cell, candidates));
      return;
    }
    for (const ast::PrincipalEntry& entry : grant.principals.entries()) {
      cell.principal = &entry;
      record(grant, cell, judge(grant, cell, candidates));
    }
  }

  std::optional<Verdict> judge(const Grant& grant, const Cell& cell,
                               std::span<const Candidate> candidates) {
    // A lost Deny matters where an older grant gave what it took away.
    if (granted_before_denials(cell.action)) {
      if (std::optional<Verdict> denial = lost_denial(cell)) return denial;
    }
    Verdict verdict;
    bool any_resource = false;
    bool any_principal = false;
    for (const Candidate& candidate : candidates) {
      if (!any_covers(candidate.cells, cell.resource)) continue;
      any_resource = true;
      if (!covers(candidate.grant->principals, *cell.principals, cell.principal)) continue;
      any_principal = true;
      const SetImplication& conditions = grant_conditions(grant, *candidate.grant);
      if (conditions.verdict == Implication::kImplied) return std::nullopt;
      // Report the candidate that comes closest: one the comparison could not decide may cover.
      if (verdict.compared_with == nullptr || rank(conditions.verdict) > rank(verdict.certainty)) {
        verdict.compared_with = candidate.grant;
        verdict.certainty = conditions.verdict;
      }
    }
    verdict.change = candidates.empty() ? AccessChange::kAction
                     : !any_resource    ? AccessChange::kResource
                     : !any_principal   ? AccessChange::kPrincipal
                                        : AccessChange::kCondition;
    if (verdict.change != AccessChange::kCondition) verdict.compared_with = nullptr;
    return verdict;
  }

  bool granted_before_denials(const CellAction& action) const {
    const auto grants = older_.grants();
    return std::any_of(grants.begin(), grants.end(),
                       [&](const Grant& grant) { return action.in(grant.actions); });
  }

  // An older Deny that meets the cell and that no newer Deny matches there.
  std::optional<Verdict> lost_denial(const Cell& cell) {
    for (const Denial& old : older_.denials()) {
      if (!cell.action.in(old.actions) || !touches(old.resources, cell.resource) ||
          !old.principals.overlaps(*cell.principals)) {
        continue;
      }
      Implication best = Implication::kNotImplied;
      for (const Denial& now : newer_.denials()) {
        if (!cell.action.in(now.actions)) continue;
        const bool resources = now.resources.form() == ResourceScope::Form::kAny ||
                               now.resources.covers(old.resources) ||
                               (cell.resource.reach == CellReach::kListed &&
                                now.resources.covers(cell.resource.entry->text.value));
        const bool principals = now.principals.covers(old.principals) ||
                                covers(now.principals, *cell.principals, cell.principal);
        if (!resources || !principals) continue;
        const Implication verdict = denial_conditions(old, now).verdict;
        if (rank(verdict) > rank(best) || verdict == Implication::kImplied) best = verdict;
        if (best == Implication::kImplied) break;
      }
      if (best != Implication::kImplied)
        return Verdict{.change = AccessChange::kDenial, .certainty = best, .lost_denial = &old};
    }
    return std::nullopt;
  }

  // Whether the newer grant's conditions imply the older one's.
  const SetImplication& grant_conditions(const Grant& now, const Grant& old) {
    const std::size_t index =
        static_cast<std::size_t>(&now - newer_.grants().data()) * older_.grants().size() +
        static_cast<std::size_t>(&old - older_.grants().data());
    std::optional<SetImplication>& slot = grant_pairs_[index];
    if (!slot) slot = implies_all(now.statement->conditions, old.statement->conditions);
    return *slot;
  }

  // Whether the newer Deny applies wherever the older one did.
  const SetImplication& denial_conditions(const Denial& old, const Denial& now) {
    const std::size_t index =
        static_cast<std::size_t>(&old - older_.denials().data()) * newer_.denials().size() +
        static_cast<std::size_t>(&now - newer_.denials().data());
    std::optional<SetImplication>& slot = denial_pairs_[index];
    if (!slot) slot = implies_all(old.statement->conditions, now.statement->conditions);
    return *slot;
  }

  void record(const Grant& grant, const Cell& cell, const std::optional<Verdict>& verdict) {
    if (!verdict) return;
    const auto key = std::make_tuple(
        &grant, verdict->change, verdict->certainty, verdict->compared_with, verdict->lost_denial,
        cell.resource.entry, static_cast<int>(cell.resource.reach), cell.principal);
    auto [at, added] = index_.try_emplace(key, deltas_.size());
    if (added) deltas_.push_back(make_delta(grant, cell, *verdict));
    AccessDelta& delta = deltas_[at->second];
    if (cell.action.known) {
      delta.actions.push_back(cell.action.known->index());
    } else {
      delta.unknown_actions.push_back(cell.action.pattern);
    }
  }

  AccessDelta make_delta(const Grant& grant, const Cell& cell, const Verdict& verdict) {
    AccessDelta delta{.grant = &grant,
                      .change = verdict.change,
                      .certainty = verdict.certainty,
                      .resource = cell.resource.entry,
                      .principal = cell.principal,
                      .lost_denial = verdict.lost_denial};
    switch (cell.resource.reach) {
      case CellReach::kEvery:
        delta.resource_text = "*";
        break;
      case CellReach::kListed:
        delta.resource_text = std::string(cell.resource.entry->text.value);
        break;
      case CellReach::kAllBut:
        delta.resource_text = "every resource but";
        for (const ast::Resource& x : cell.resource.excluded) {
          delta.resource_text += &x == cell.resource.excluded.data() ? " " : ", ";
          delta.resource_text += x.text.value;
        }
        break;
    }
    if (verdict.compared_with != nullptr)
      delta.condition_gaps = grant_conditions(grant, *verdict.compared_with).gaps;
    return delta;
  }

  const PermissionModel& older_;
  const PermissionModel& newer_;
  std::vector<std::optional<SetImplication>> grant_pairs_;   // [newer grant][older grant]
  std::vector<std::optional<SetImplication>> denial_pairs_;  // [older Deny][newer Deny]
  using Key = std::tuple<const Grant*, AccessChange, Implication, const Grant*, const Denial*,
                         const ast::Resource*, int, const ast::PrincipalEntry*>;
  std::map<Key, std::size_t> index_;
  std::vector<AccessDelta> deltas_;
};

}  // namespace

std::string_view access_change_name(AccessChange change) {
  switch (change) {
    case AccessChange::kAction:
      return "action";
    case AccessChange::kResource:
      return "resource";
    case AccessChange::kPrincipal:
      return "principal";
    case AccessChange::kCondition:
      return "condition";
    case AccessChange::kDenial:
      return "deny";
  }
  return "action";
}

std::vector<AccessDelta> compare_access(const PermissionModel& older,
                                        const PermissionModel& newer) {
  return Comparison(older, newer).run();
}

}  // namespace iamlint::analysis
