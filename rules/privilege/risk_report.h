// What the risk rules (IAM210-IAM213) share: asking the permission model how a list of actions is
// allowed, grouping the answers by the Action entry that grants them (one finding per entry), and
// saying in words what constrains a grant.
//
// Header-only because rules/<family>/meson.build lists rule files only.
#pragma once

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include <fmt/core.h>

#include "analysis/condition_facts.h"
#include "analysis/permission_model.h"
#include "analysis/risk_lists.h"
#include "catalog/action.h"
#include "catalog/ascii.h"
#include "catalog/glob.h"
#include "engine/rule_context.h"

namespace iamlint::rules::risk {

// `Statement[2]`, with its Sid when it has one: `Statement[2] ("DeployRoles")`.
inline std::string statement_label(const ast::Statement& statement) {
  if (statement.sid && !statement.sid->value.empty())
    return fmt::format("Statement[{}] (\"{}\")", statement.index, statement.sid->value);
  return fmt::format("Statement[{}]", statement.index);
}

// The entry that grants `action` in the grant's statement: its first Action entry that names it,
// or the NotAction key.
struct GrantingEntry {
  ByteRange range;
  std::string_view text;  // the entry as written, or "NotAction"
};

inline GrantingEntry granting_entry(const analysis::Grant& grant, catalog::Action action) {
  const ast::Statement& statement = *grant.statement;
  if (statement.action) {
    const std::string name = action.qualified_name();
    for (const ast::Action& entry : statement.action->entries) {
      // Most entries of a long list name another service: a first letter that differs (and is no
      // wildcard) rules them out without a call.
      const std::string_view text = entry.text.value;
      if (!text.empty() && text[0] != '*' && text[0] != '?' &&
          catalog::fold(text[0]) != catalog::fold(name[0])) {
        continue;
      }
      if (catalog::glob_match_folded(text, name)) return {entry.text.range, entry.text.value};
    }
  }
  const auto& list = statement.action ? statement.action : statement.not_action;
  return {list->name.range, list->name.value};
}

// `Action "s3:*" allows s3:GetObject`, `Action "s3:GetObject"` when the entry is the action itself,
// or `NotAction allows s3:GetObject`; `Action "s3:*" allows` without an action, for counts.
inline std::string entry_allows(const GrantingEntry& entry, std::string_view action = {}) {
  const std::string element =
      entry.text == "NotAction" ? "NotAction" : fmt::format("Action \"{}\"", entry.text);
  if (action.empty()) return element + " allows";
  if (catalog::equals_folded(entry.text, action)) return element;
  return fmt::format("{} allows {}", element, action);
}

// How a constrained grant is narrowed, for the note that replaces the warning: "only when
// IpAddress aws:SourceIp "203.0.113.0/24"", or "unless Statement[3] denies it (NotIpAddress …)".
inline std::string constraint(const analysis::Access& access) {
  if (!access.narrowing.empty())
    return fmt::format("only when {}", analysis::describe(*access.narrowing.front()->condition));
  for (const analysis::Denial* denial : access.unless) {
    for (const analysis::ConditionFact* fact : denial->narrowing_conditions()) {
      return fmt::format("unless {} denies it ({})", statement_label(*denial->statement),
                         analysis::describe(*fact->condition));
    }
  }
  return {};
}

// The accesses of `action` that reach every resource it accepts: the ones the risk rules judge.
inline std::vector<analysis::Access> on_every_resource(const analysis::PermissionModel& model,
                                                       catalog::Action action) {
  std::vector<analysis::Access> accesses = model.access(action);
  std::erase_if(accesses, [](const analysis::Access& a) { return !a.every_resource; });
  return accesses;
}

// The actions one Action entry (or NotAction) grants on every resource, as one finding reports
// them: unconstrained unless every grant of every action is constrained.
struct EntryGrant {
  GrantingEntry entry;
  const analysis::Grant* grant = nullptr;
  std::vector<catalog::Action> actions;  // in the order they were asked about
  bool constrained = true;
  std::string constraint;  // the first constraint met, for the note
};

// Asks the model about each action and groups the accesses on every resource by the entry that
// grants them, in source order.
inline std::vector<EntryGrant> group_by_entry(const analysis::PermissionModel& model,
                                              const std::vector<catalog::Action>& actions) {
  std::map<std::tuple<std::size_t, std::size_t>, EntryGrant> groups;
  for (catalog::Action action : actions) {
    for (const analysis::Access& access : on_every_resource(model, action)) {
      const GrantingEntry entry = granting_entry(*access.grant, action);
      EntryGrant& group = groups[{entry.range.begin, entry.range.end}];
      if (!group.grant) {
        group.entry = entry;
        group.grant = access.grant;
      }
      if (std::find(group.actions.begin(), group.actions.end(), action) == group.actions.end())
        group.actions.push_back(action);
      if (!access.constrained()) {
        group.constrained = false;
      } else if (group.constraint.empty()) {
        group.constraint = constraint(access);
      }
    }
  }
  std::vector<EntryGrant> out;
  for (auto& [position, group] : groups) out.push_back(std::move(group));
  return out;
}

// "a, b and c" or "a, b, c and 4 more" of `names`.
inline std::string first_of(const std::vector<std::string>& names, std::size_t shown = 3) {
  std::string out;
  const std::size_t count = std::min(names.size(), shown);
  for (std::size_t i = 0; i < count; ++i) {
    if (i > 0) out += i + 1 == names.size() ? " and " : ", ";
    out += names[i];
  }
  if (names.size() > count) out += fmt::format(" and {} more", names.size() - count);
  return out;
}

// The note's wording for a constrained group: "; only when …" (empty for an unconstrained one).
inline std::string constraint_suffix(const EntryGrant& group) {
  return group.constrained && !group.constraint.empty() ? "; " + group.constraint : "";
}

inline engine::Level level_of(const EntryGrant& group) {
  return group.constrained ? engine::Level::kNote : engine::Level::kWarning;
}

// The catalogue actions of one category of the sensitive-action list (analysis/risk_lists.h).
inline std::vector<catalog::Action> sensitive(analysis::SensitiveCategory category) {
  std::vector<catalog::Action> out;
  for (const analysis::SensitiveAction& entry : analysis::sensitive_actions()) {
    if (entry.category == category) out.push_back(*catalog::find_action(entry.action));
  }
  return out;
}

inline std::string_view gives(catalog::Action action) {
  // The list's actions looked up once, not at every finding.
  static const std::vector<std::pair<catalog::Action, std::string_view>> kGives = [] {
    std::vector<std::pair<catalog::Action, std::string_view>> out;
    for (const analysis::SensitiveAction& entry : analysis::sensitive_actions())
      out.emplace_back(*catalog::find_action(entry.action), entry.gives);
    return out;
  }();
  for (const auto& [listed, what] : kGives) {
    if (listed == action) return what;
  }
  return {};
}

// Reports each Action entry that grants actions of `category` on every resource, saying what
// they give away: `Action "secretsmanager:*" allows secretsmanager:GetSecretValue on every
// resource, which gives away the value of any secret; ...`. `kind` names the category in the
// plural ("secrets or credentials").
inline void report_sensitive(analysis::SensitiveCategory category, std::string_view kind,
                             engine::RuleContext& ctx) {
  static const std::vector<catalog::Action> kByCategory[] = {
      sensitive(analysis::SensitiveCategory::kCredentials),
      sensitive(analysis::SensitiveCategory::kExfiltration)};
  const analysis::PermissionModel& model = ctx.facts().permissions();
  for (const EntryGrant& group :
       group_by_entry(model, kByCategory[static_cast<std::size_t>(category)])) {
    const catalog::Action first = group.actions.front();
    std::string what;
    if (group.actions.size() == 1) {
      what = fmt::format("{} on every resource, which gives away {}",
                         entry_allows(group.entry, first.qualified_name()), gives(first));
    } else {
      std::vector<std::string> names;
      for (catalog::Action action : group.actions) names.push_back(action.qualified_name());
      names.front() += fmt::format(" ({})", gives(first));
      what = fmt::format("{} {} actions on every resource that give away {}: {}",
                         entry_allows(group.entry), group.actions.size(), kind, first_of(names));
    }
    ctx.report(group.entry.range, "{}; name the resources it needs in Resource{}", what,
               constraint_suffix(group))
        .level(level_of(group));
  }
}

}  // namespace iamlint::rules::risk
