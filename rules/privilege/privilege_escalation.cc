// IAM210: an identity policy lets its holder raise its own permissions, with one action (rewrite
// a policy, attach one to itself) or a combination across its statements (pass any role to a new
// instance or function), judged on what the policy allows after its Deny statements; and a user,
// group or role whose policies together allow a combination that none of them allows alone.
#include <algorithm>
#include <map>
#include <optional>
#include <span>
#include <vector>

#include "analysis/risk_lists.h"
#include "engine/principal_set.h"
#include "engine/rule.h"
#include "privilege/risk_report.h"

namespace iamlint::rules {
namespace {

// One step of a method, as this policy allows it.
struct Step {
  const analysis::MethodStep* step;
  catalog::Action action;
  analysis::Access access;
};

// A method the policy allows, with the access chosen for each step (an unconstrained one where
// there is one).
struct Allowed {
  const analysis::EscalationMethod* method;
  std::vector<Step> steps;
  bool constrained = false;
  std::string constraint;
};

// The catalogue action of each step of `method`, looked up once: every identity policy is asked
// about every method.
std::span<const catalog::Action> step_actions(const analysis::EscalationMethod& method) {
  static const std::vector<std::vector<catalog::Action>> kByMethod = [] {
    std::vector<std::vector<catalog::Action>> by_method;
    for (const analysis::EscalationMethod& each : analysis::escalation_methods()) {
      std::vector<catalog::Action>& actions = by_method.emplace_back();
      for (const analysis::MethodStep& step : each.steps)
        actions.push_back(*catalog::find_action(step.action));  // checked at build time
    }
    return by_method;
  }();
  return kByMethod[static_cast<std::size_t>(&method - analysis::escalation_methods().data())];
}

std::optional<Allowed> allowed(const analysis::EscalationMethod& method,
                               const analysis::PermissionModel& model) {
  const std::span<const catalog::Action> actions = step_actions(method);
  // Most policies allow no step of most methods: one word test per step before asking how.
  if (!std::all_of(actions.begin(), actions.end(), [&](catalog::Action action) {
        return model.allowed_actions().contains(action);
      })) {
    return std::nullopt;
  }
  Allowed out{.method = &method};
  for (std::size_t i = 0; i < method.steps.size(); ++i) {
    const analysis::MethodStep& step = method.steps[i];
    const catalog::Action action = actions[i];
    // A step needed on some resource only is taken on one a template names with `!Sub` too.
    std::vector<analysis::Access> accesses = step.every_resource
                                                 ? risk::on_every_resource(model, action)
                                                 : model.access(action, /*at_deployment=*/true);
    if (accesses.empty()) return std::nullopt;
    auto best = std::find_if(accesses.begin(), accesses.end(),
                             [](const analysis::Access& a) { return !a.constrained(); });
    if (best == accesses.end()) {
      best = accesses.begin();
      if (!out.constrained) out.constraint = risk::constraint(*best);
      out.constrained = true;
    }
    out.steps.push_back({&step, action, std::move(*best)});
  }
  return out;
}

// The step whose resource decides the method: the first marked to need every resource.
const Step& pivot(const Allowed& allowed) {
  return *std::find_if(allowed.steps.begin(), allowed.steps.end(),
                       [](const Step& s) { return s.step->every_resource; });
}

// `Action "iam:*" allows iam:PassRole` (or `NotAction allows …`), and the other steps of a
// combination: `; with ec2:RunInstances (Statement[1]) this`.
std::string what_allows(const risk::GrantingEntry& entry, const Allowed& allowed,
                        const Step& pivot_step) {
  std::vector<std::string> others;
  for (const Step& step : allowed.steps) {
    if (&step == &pivot_step) continue;
    others.push_back(fmt::format("{} ({})", step.action.qualified_name(),
                                 risk::statement_label(*step.access.grant->statement)));
  }
  return fmt::format(
      "{} on every resource; {}", risk::entry_allows(entry, pivot_step.action.qualified_name()),
      others.empty() ? std::string("this")
                     : fmt::format("with {}, this", risk::first_of(others, others.size())));
}

// Whether `part` (one of a principal's policies, or a group's) allows the method as freely as the
// principal does: then its own finding says it.
bool reported_by(const analysis::PermissionModel& part, const Allowed& method) {
  const std::optional<Allowed> alone = allowed(*method.method, part);
  return alone && (method.constrained || !alone->constrained);
}

// A permissions boundary caps what the principal's policies allow: a step it does not allow is
// not taken.
bool within(const analysis::PermissionModel* boundary, const Allowed& method) {
  return boundary == nullptr ||
         std::all_of(method.steps.begin(), method.steps.end(),
                     [&](const Step& step) { return !boundary->access(step.action).empty(); });
}

// Unconstrained methods first: they decide the level and lead the message.
std::vector<const Allowed*> lead_first(const std::vector<Allowed>& methods) {
  std::vector<const Allowed*> ordered;
  for (const Allowed& m : methods) ordered.push_back(&m);
  std::stable_partition(ordered.begin(), ordered.end(),
                        [](const Allowed* m) { return !m->constrained; });
  return ordered;
}

// "; 2 more ways: A and B" for the methods after the lead.
std::string more_ways(const std::vector<const Allowed*>& ordered) {
  if (ordered.size() < 2) return {};
  std::vector<std::string> names;
  for (std::size_t i = 1; i < ordered.size(); ++i) names.emplace_back(ordered[i]->method->name);
  return fmt::format("; {} more {}: {}", names.size(), names.size() == 1 ? "way" : "ways",
                     risk::first_of(names));
}

std::string constraint_of(const Allowed& lead) {
  return lead.constrained && !lead.constraint.empty() ? "; " + lead.constraint : "";
}

class PrivilegeEscalation final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"security", "privilege-escalation",
                                               "external/cwe/cwe-269"};
  static constexpr engine::Equivalent kEquivalents[] = {
      {"Cloudsplaining", "PrivilegeEscalation"},
      {"Parliament", "PRIVILEGE_ESCALATION"},
      {"Checkov", "CKV_AWS_110"},
      {"Checkov", "CKV_AWS_286"},
  };
  static constexpr ast::PolicyKind kKinds[] = {ast::PolicyKind::kIdentity};
  static constexpr std::string_view kAbsorbs[] = {"IAM202", "IAM203", "IAM205", "IAM206",
                                                  "IAM211", "IAM212", "IAM213", "IAM250"};
  static constexpr engine::LevelCase kOtherLevels[] = {
      {engine::Level::kNote,
       "every escalation method it grants is constrained "
       "by a condition on who, from where or on what"}};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM210",
      .name = "privilege-escalation",
      .level = engine::Level::kWarning,
      .other_levels = kOtherLevels,
      .summary =
          "A policy, or the policies of one user, group or role together, let the holder raise "
          "its own permissions, with one action or a combination of statements",
      .tags = kTags,
      .precision = engine::Precision::kHigh,
      .security_severity = "8.0",
      .equivalents = kEquivalents,
      .policy_kinds = kKinds,
      .judges_grants = true,
      .absorbs = kAbsorbs,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_policy(const ast::Policy& /*policy*/, engine::RuleContext& ctx) const override {
    const analysis::PermissionModel& model = ctx.facts().permissions();
    if (model.grants().empty()) return;
    // Methods grouped by the entry that grants their pivot action: one finding per entry.
    std::map<std::pair<std::size_t, std::size_t>, std::vector<Allowed>> by_entry;
    for (const analysis::EscalationMethod& method : analysis::escalation_methods()) {
      std::optional<Allowed> found = allowed(method, model);
      if (!found) continue;
      const Step& step = pivot(*found);
      const risk::GrantingEntry entry = risk::granting_entry(*step.access.grant, step.action);
      by_entry[{entry.range.begin, entry.range.end}].push_back(std::move(*found));
    }
    for (const auto& [position, methods] : by_entry) report(methods, ctx);
  }

  // The combinations that need several of the principal's policies: one finding at the
  // principal, naming each statement that contributes.
  void check_principal(const engine::PrincipalSet& set, engine::RuleContext& ctx) const override {
    const analysis::PermissionModel& model = set.model();
    if (model.grants().empty()) return;
    std::vector<Allowed> methods;
    for (const analysis::EscalationMethod& method : analysis::escalation_methods()) {
      // A single action is granted by one statement, and its policy reports it.
      if (method.steps.size() < 2) continue;
      std::optional<Allowed> found = allowed(method, model);
      if (!found || !within(set.boundary(), *found)) continue;
      const auto parts = set.parts();
      if (std::any_of(parts.begin(), parts.end(), [&](const analysis::PermissionModel* part) {
            return reported_by(*part, *found);
          })) {
        continue;
      }
      methods.push_back(std::move(*found));
    }
    if (methods.empty()) return;
    const std::vector<const Allowed*> ordered = lead_first(methods);
    const Allowed& lead = *ordered.front();
    const Step& step = pivot(lead);
    std::vector<std::string> others;
    for (const Step& other : lead.steps) {
      if (&other != &step) others.push_back(where(set, other));
    }
    engine::ReportBuilder finding =
        ctx.report(set.principal().range,
                   "the policies of {} together let it {} ({}), though none does alone: {} with "
                   "{}{}{}",
                   set.name(), lead.method->consequence, lead.method->name,
                   where(set, step, " on every resource"), risk::first_of(others, others.size()),
                   more_ways(ordered), constraint_of(lead))
            .level(lead.constrained ? engine::Level::kNote : engine::Level::kWarning);
    for (const Step& each : lead.steps) {
      const risk::GrantingEntry entry = risk::granting_entry(*each.access.grant, each.action);
      finding.related(set.to_file(*each.access.grant, entry.range),
                      fmt::format("{} is allowed here, in {}", each.action.qualified_name(),
                                  set.policy_name(*each.access.grant)));
    }
  }

 private:
  // "iam:PassRole on every resource (managed policy deploy, Statement[1])".
  static std::string where(const engine::PrincipalSet& set, const Step& step,
                           std::string_view scope = {}) {
    return fmt::format("{}{} ({}, {})", step.action.qualified_name(), scope,
                       set.policy_name(*step.access.grant),
                       risk::statement_label(*step.access.grant->statement));
  }

  static void report(const std::vector<Allowed>& methods, engine::RuleContext& ctx) {
    const std::vector<const Allowed*> ordered = lead_first(methods);
    const Allowed& lead = *ordered.front();
    const Step& step = pivot(lead);
    const risk::GrantingEntry entry = risk::granting_entry(*step.access.grant, step.action);
    engine::ReportBuilder finding =
        ctx.report(entry.range, "{} lets the holder {} ({}){}{}", what_allows(entry, lead, step),
                   lead.method->consequence, lead.method->name, more_ways(ordered),
                   constraint_of(lead))
            .level(lead.constrained ? engine::Level::kNote : engine::Level::kWarning);
    for (const Step& other : lead.steps) {
      if (&other == &step) continue;
      const risk::GrantingEntry where = risk::granting_entry(*other.access.grant, other.action);
      finding.related(where.range,
                      fmt::format("{} is allowed here", other.action.qualified_name()));
    }
  }
};

IAMLINT_REGISTER_RULE(PrivilegeEscalation);

}  // namespace
}  // namespace iamlint::rules
