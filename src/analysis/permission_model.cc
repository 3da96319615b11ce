#include "analysis/permission_model.h"

#include <algorithm>
#include <functional>

#include "analysis/policy_facts.h"

namespace iamlint::analysis {
namespace {

// Beyond this many (grant, Deny) pairs, or this many pairs of characters that comparing their
// written entries may take, a crafted policy gets only the cheap subtraction: Denies of every
// resource for the holder or everyone, without conditions. The character budget is a worst case
// (about a second) that real policies stay under: the largest of the managed policies, a
// permissions boundary that denies all but 639 actions, is estimated at 350 million.
constexpr std::size_t kMaxComparedPairs = std::size_t{1} << 18;
constexpr std::size_t kMaxComparedCharacters = std::size_t{1} << 29;

template <class Entries>
std::size_t written_size(const Entries& entries) {
  std::size_t size = 0;
  for (const auto& entry : entries) size += entry.text.value.size();
  return size;
}

// What comparing a grant with a Deny may cost, at worst, in pairs of characters of their written
// entries. Actions that share a catalogue action overlap without comparing patterns
// (ActionScope::overlaps).
std::size_t comparison_cost(const ModelStatement& grant, const ModelStatement& denial) {
  std::size_t cost =
      written_size(grant.resources.entries()) * written_size(denial.resources.entries()) +
      written_size(grant.principals.entries()) * written_size(denial.principals.entries());
  if (!grant.actions.actions().intersects(denial.actions.actions()))
    cost += written_size(grant.actions.entries()) * written_size(denial.actions.entries());
  return cost;
}

// Whether comparing every grant with every Deny stays within the budgets above.
bool affordable(std::span<const Grant> grants, std::span<const Denial> denials) {
  if (grants.size() * denials.size() > kMaxComparedPairs) return false;
  std::size_t cost = 0;
  for (const Grant& grant : grants) {
    for (const Denial& denial : denials) {
      cost += comparison_cost(grant, denial);
      if (cost > kMaxComparedCharacters) return false;
    }
  }
  return true;
}

bool requires_resource(ast::PolicyKind kind) {
  return kind == ast::PolicyKind::kIdentity || kind == ast::PolicyKind::kScp;
}

// A statement AWS would accept the shape of. The others are left out: their structural error is
// the finding, and guessing what they mean would only add false ones.
bool well_formed(const ast::Statement& statement, ast::PolicyKind kind) {
  if (statement.effect == ast::Effect::kInvalid) return false;
  if (static_cast<bool>(statement.action) == static_cast<bool>(statement.not_action)) return false;
  if (statement.resource && statement.not_resource) return false;
  if (statement.principal && statement.not_principal) return false;
  return !requires_resource(kind) || statement.resource || statement.not_resource;
}

bool removes_from_entry(const Denial& denial, const Grant& grant, const ast::Resource& entry,
                        catalog::Action action) {
  return denial.actions.actions().contains(action) && denial.principals.covers(grant.principals) &&
         denial.resources.covers(entry.text.value);
}

// A Deny of everything for every principal the grant names, with no condition: the one kind of
// Deny that the cheap subtraction handles.
bool blanket(const Denial& denial) {
  return denial.conditions.empty() && denial.resources.form() == ResourceScope::Form::kAny &&
         (denial.principals.form() == PrincipalScope::Form::kEveryone ||
          denial.principals.form() == PrincipalScope::Form::kHolder);
}

// `Deny … NotResource X` with no condition confines a grant of every resource to X: the usual way
// to say "only these buckets". Fills `access` from the first such Deny of `action` and returns
// true; returns false when there is none.
bool confine(const Grant& grant, catalog::Action action, Access& access) {
  for (const Denial* denial : grant.partial_denials) {
    if (denial->resources.form() != ResourceScope::Form::kAllBut ||
        !denial->actions.actions().contains(action) ||
        !denial->principals.covers(grant.principals)) {
      continue;
    }
    for (const ast::Resource& entry : denial->resources.entries()) {
      if (!can_name_resource_of(entry.text.value, action)) continue;
      access.resources.push_back(&entry);
      access.every_resource |= names_every_resource(entry.text.value, action);
    }
    return true;
  }
  return false;
}

// The actions of `actions` that belong to one of `services`.
catalog::ActionSet actions_of(const catalog::ActionSet& actions,
                              std::span<const catalog::Service> services) {
  catalog::ActionSet out;
  for (catalog::Action action : actions) {
    if (std::find(services.begin(), services.end(), action.service()) != services.end())
      out.insert(action);
  }
  return out;
}

// The services for which every condition of the statement holds whatever the request; empty when
// some condition can fail for each.
std::vector<catalog::Service> services_where_conditions_always_hold(const ModelStatement& s) {
  std::vector<catalog::Service> out;
  if (s.conditions.empty()) return out;
  for (catalog::Service service : s.conditions.front().untagged_services) {
    if (std::all_of(s.conditions.begin(), s.conditions.end(),
                    [&](const ConditionFact& fact) { return fact.always_holds_for(service); }))
      out.push_back(service);
  }
  return out;
}

bool never_applies_to(const ModelStatement& statement, catalog::Action action) {
  return std::any_of(
      statement.conditions.begin(), statement.conditions.end(),
      [&](const ConditionFact& fact) { return fact.never_holds_for(action.service()); });
}

void remove_actions(Grant& grant, const catalog::ActionSet& denied) {
  if (!grant.allowed().intersects(denied)) return;  // no copy of the set for nothing
  if (!grant.reduced) grant.reduced = grant.actions.actions();
  *grant.reduced -= denied;
}

}  // namespace

std::vector<const ConditionFact*> ModelStatement::narrowing_conditions() const {
  std::vector<const ConditionFact*> out;
  for (const ConditionFact& fact : conditions) {
    if (fact.narrowing != Narrowing::kNothing) out.push_back(&fact);
  }
  return out;
}

bool ModelStatement::pins_caller() const {
  return std::any_of(conditions.begin(), conditions.end(),
                     [](const ConditionFact& fact) { return fact.pins_caller; });
}

PermissionModel::PermissionModel(std::span<const PolicySource> policies) {
  for (const PolicySource& source : policies) add(source);
  subtract_denials();
  for (const Grant& grant : grants_) {
    allowed_actions_ |= grant.allowed();
    by_statement_.push_back(&grant);
  }
  std::sort(by_statement_.begin(), by_statement_.end(), [](const Grant* a, const Grant* b) {
    return std::less<>()(a->statement, b->statement);
  });
}

void PermissionModel::add(const PolicySource& source) {
  const ast::Policy& policy = *source.policy;
  for (const ast::Statement& statement : policy.statements) {
    if (!well_formed(statement, policy.kind)) continue;
    ModelStatement view{
        .policy = &policy,
        .statement = &statement,
        .origin = source.origin,
        .actions = ActionScope(statement, source.facts->statement_actions(statement)),
        .resources = ResourceScope(statement),
        .principals = PrincipalScope(statement)};
    view.conditions.reserve(statement.conditions.size());
    for (const ast::Condition& condition : statement.conditions) {
      ConditionFact fact = classify(condition, statement.effect);
      fact.untagged_services = untagged_services(condition, view.actions.actions());
      view.conditions.push_back(std::move(fact));
    }
    if (statement.allows()) {
      Grant grant{std::move(view)};
      for (const ConditionFact& fact : grant.conditions) {
        if (!fact.holds_without_key && !fact.untagged_services.empty())
          remove_actions(grant, actions_of(grant.actions.actions(), fact.untagged_services));
      }
      grants_.push_back(std::move(grant));
    } else {
      Denial denial{std::move(view)};
      const std::vector<catalog::Service> always = services_where_conditions_always_hold(denial);
      if (!always.empty()) denial.unconditional_for = actions_of(denial.actions.actions(), always);
      denials_.push_back(std::move(denial));
    }
  }
}

void PermissionModel::subtract_denials() {
  if (!affordable(grants_, denials_)) {
    subtract_blanket_denials();
    return;
  }
  for (Grant& grant : grants_) {
    for (const Denial& denial : denials_) {
      if (!denial.principals.overlaps(grant.principals) ||
          !denial.actions.overlaps(grant.actions) || !denial.resources.overlaps(grant.resources)) {
        continue;
      }
      if (!denial.conditions.empty()) {
        if (denial.unconditional_for && denial.principals.covers(grant.principals) &&
            denial.resources.covers(grant.resources)) {
          remove_actions(grant, *denial.unconditional_for);
        }
        grant.conditional_denials.push_back(&denial);
      } else if (denial.principals.covers(grant.principals) &&
                 denial.resources.covers(grant.resources)) {
        remove_actions(grant, denial.actions.actions());
      } else {
        grant.partial_denials.push_back(&denial);
      }
    }
  }
}

void PermissionModel::subtract_blanket_denials() {
  // Blanket Denies of the same principals cover the same grants, so each grant takes the union of
  // theirs in one subtraction, whatever the number of statements.
  struct Merged {
    const Denial* first = nullptr;  // stands for the others in covers()
    catalog::ActionSet actions;
  };
  std::vector<Merged> merged;
  for (const Denial& denial : denials_) {
    if (!blanket(denial)) continue;
    auto same = std::find_if(merged.begin(), merged.end(), [&](const Merged& m) {
      return m.first->principals.form() == denial.principals.form();
    });
    if (same == merged.end()) same = merged.insert(merged.end(), Merged{.first = &denial});
    same->actions |= denial.actions.actions();
  }
  for (Grant& grant : grants_) {
    for (const Merged& m : merged) {
      if (m.first->principals.covers(grant.principals)) remove_actions(grant, m.actions);
    }
  }
}

const Grant* PermissionModel::grant_of(const ast::Statement& statement) const {
  auto it = std::lower_bound(by_statement_.begin(), by_statement_.end(), &statement,
                             [](const Grant* grant, const ast::Statement* s) {
                               return std::less<>()(grant->statement, s);
                             });
  return it != by_statement_.end() && (*it)->statement == &statement ? *it : nullptr;
}

bool PermissionModel::still_allows(const ast::Statement& statement, catalog::Action action) const {
  const Grant* grant = grant_of(statement);
  return grant && grant->allowed().contains(action);
}

bool PermissionModel::still_allows_anything(const ast::Statement& statement) const {
  const Grant* grant = grant_of(statement);
  return grant && grant->still_grants();
}

std::vector<Access> PermissionModel::access(catalog::Action action, bool at_deployment) const {
  std::vector<Access> out;
  if (!allowed_actions_.contains(action)) return out;
  for (const Grant& grant : grants_) {
    if (!grant.allowed().contains(action)) continue;
    Access access{.grant = &grant};
    switch (grant.resources.form()) {
      case ResourceScope::Form::kAny:
        if (!confine(grant, action, access)) access.every_resource = true;
        break;
      case ResourceScope::Form::kListed:
        for (const ast::Resource& entry : grant.resources.entries()) {
          if (!can_name_resource_of(entry.text.value, action)) continue;
          if (std::any_of(grant.partial_denials.begin(), grant.partial_denials.end(),
                          [&](const Denial* denial) {
                            return removes_from_entry(*denial, grant, entry, action);
                          })) {
            continue;
          }
          access.resources.push_back(&entry);
          access.every_resource |= names_every_resource(entry.text.value, action);
        }
        access.at_deployment = at_deployment && access.resources.empty() &&
                               !access.every_resource && grant.resources.named_at_deployment();
        break;
      case ResourceScope::Form::kAllBut: {
        const auto excluded = grant.resources.entries();
        if (std::any_of(excluded.begin(), excluded.end(), [&](const ast::Resource& entry) {
              return names_every_resource(entry.text.value, action);
            })) {
          continue;
        }
        if (!confine(grant, action, access)) access.every_resource = true;
        break;
      }
    }
    if (!access.every_resource && access.resources.empty() && !access.at_deployment) continue;
    access.narrowing = grant.narrowing_conditions();
    for (const Denial* denial : grant.conditional_denials) {
      if (!denial->actions.actions().contains(action) || never_applies_to(*denial, action))
        continue;
      access.unless.push_back(denial);
      for (const ConditionFact* fact : denial->narrowing_conditions()) {
        if (!fact->always_holds_for(action.service())) access.narrowing_by_denials.push_back(fact);
      }
    }
    out.push_back(std::move(access));
  }
  return out;
}

Decision PermissionModel::evaluate(std::string_view action, std::string_view resource) const {
  Decision decision;
  for (const Denial& denial : denials_) {
    if (!denial.actions.matches(action) || !denial.resources.matches(resource)) continue;
    // A Deny of named principals (or of all but some) applies to some callers only.
    const bool every_caller = denial.principals.form() == PrincipalScope::Form::kEveryone ||
                              denial.principals.form() == PrincipalScope::Form::kHolder;
    if (denial.conditions.empty() && every_caller) {
      decision.outcome = Decision::Outcome::kDenied;
      decision.denied_by = &denial;
      return decision;
    }
    decision.unless.push_back(&denial);
  }
  for (const Grant& grant : grants_) {
    if (grant.actions.matches(action) && grant.resources.matches(resource))
      decision.allowed_by.push_back(&grant);
  }
  if (decision.allowed_by.empty()) return decision;
  const bool unconditional_grant =
      std::any_of(decision.allowed_by.begin(), decision.allowed_by.end(),
                  [](const Grant* grant) { return grant->conditions.empty(); });
  decision.outcome = unconditional_grant && decision.unless.empty()
                         ? Decision::Outcome::kAllowed
                         : Decision::Outcome::kMaybeAllowed;
  return decision;
}

}  // namespace iamlint::analysis
