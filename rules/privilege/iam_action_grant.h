// How an Allow statement grants one IAM action (iam:PassRole, iam:CreateServiceLinkedRole) on
// any role: the shape behind Access Analyzer's PASS_ROLE_* and CREATE_SLR_* codes, which combine
// how the action is reached (by name, by a wildcard, through NotAction) with how the resource is
// left open (a wildcard, or NotResource).
//
// Header-only because rules/<family>/meson.build lists rule files only.
#pragma once

#include <algorithm>
#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include <fmt/core.h>

#include "analysis/permission_model.h"
#include "ast/policy.h"
#include "catalog/action.h"
#include "catalog/ascii.h"
#include "catalog/glob.h"
#include "engine/rule_context.h"

namespace iamlint::rules::iam_action_grant {

enum class ActionForm { kNamed, kWildcard, kNotAction };
enum class ResourceForm { kNotResource, kWildcard };

// What one rule checks for: the action, the role ARNs that count as "any role", the condition
// key that bounds the grant, and the six Access Analyzer codes (named/wildcard/NotAction action,
// each with NotResource and with a wildcard resource).
struct Target {
  std::string_view action;  // "iam:PassRole"
  // Role ARNs (from "role/" on) that a resource pattern must all match to count as "any role":
  // two unrelated names, so that a pattern naming a path or a service stays silent.
  std::array<std::string_view, 2> probes;
  std::string_view bounding_key;                       // "iam:PassedToService"
  std::array<std::string_view, 3> not_resource_codes;  // by ActionForm
  std::array<std::string_view, 3> wildcard_resource_codes;
};

struct Grant {
  ActionForm action;
  std::string_view action_text;  // the entry, or "NotAction"
  ByteRange action_range;        // the entry, or NotAction's key
  ResourceForm resource;
  std::string_view resource_text;  // the entry, or "NotResource"
  ByteRange resource_range;        // the entry, or NotResource's key
};

// `*`, or an IAM ARN pattern that matches every probe role.
inline bool covers_any_role(std::string_view pattern, const Target& target) {
  if (pattern == "*") return true;
  std::optional<ast::Arn> arn = ast::split_arn(pattern);
  if (!arn || !catalog::glob_match_folded(arn->service, "iam")) return false;
  return std::all_of(target.probes.begin(), target.probes.end(), [&](std::string_view probe) {
    return catalog::glob_match_folded(arn->resource, probe);
  });
}

inline bool matches_action(const ast::Action& entry, std::string_view action) {
  return catalog::glob_match_folded(entry.text.value, action);
}

// A string condition that limits the key to named values (a lone "*" limits nothing; a negated
// operator only excludes some, and Null tests presence).
inline bool bounds_grant(const ast::Statement& statement, std::string_view key) {
  return std::any_of(
      statement.conditions.begin(), statement.conditions.end(), [&](const ast::Condition& c) {
        std::string_view base = c.op.base;
        if (!base.starts_with("String") || base.starts_with("StringNot")) return false;
        if (!catalog::equals_folded(c.key.value, key) || c.values.empty()) return false;
        return std::none_of(c.values.begin(), c.values.end(),
                            [](const ast::ConditionValue& v) { return v.text == "*"; });
      });
}

struct ActionMatch {
  ActionForm form;
  std::string_view text;
  ByteRange range;
};

inline std::optional<ActionMatch> find_action(const ast::Statement& statement,
                                              std::string_view action) {
  if (statement.not_action) {
    const auto& entries = statement.not_action->entries;
    if (std::any_of(entries.begin(), entries.end(),
                    [&](const ast::Action& a) { return matches_action(a, action); }))
      return std::nullopt;
    return ActionMatch{ActionForm::kNotAction, "NotAction", statement.not_action->name.range};
  }
  if (!statement.action) return std::nullopt;
  std::optional<ActionMatch> found;
  for (const ast::Action& entry : statement.action->entries) {
    if (!matches_action(entry, action)) continue;
    bool named = !catalog::has_wildcard(entry.text.value);
    if (named) return ActionMatch{ActionForm::kNamed, entry.text.value, entry.text.range};
    if (!found) found = ActionMatch{ActionForm::kWildcard, entry.text.value, entry.text.range};
  }
  return found;
}

// `permissions` tells whether a Deny of the policy takes the action away again.
inline std::optional<Grant> find_grant(const ast::Statement& statement, const Target& target,
                                       const analysis::PermissionModel& permissions) {
  if (!statement.allows() || bounds_grant(statement, target.bounding_key)) return std::nullopt;
  std::optional<catalog::Action> known = catalog::find_action(target.action);
  if (known && !permissions.still_allows(statement, *known)) return std::nullopt;
  std::optional<ActionMatch> action = find_action(statement, target.action);
  if (!action) return std::nullopt;
  Grant grant{.action = action->form, .action_text = action->text, .action_range = action->range};
  auto any_role = [&](const ast::Resource& r) { return covers_any_role(r.text.value, target); };
  if (statement.not_resource) {
    // A NotResource that excludes every role grants the action on none.
    const auto& entries = statement.not_resource->entries;
    if (std::any_of(entries.begin(), entries.end(), any_role)) return std::nullopt;
    grant.resource = ResourceForm::kNotResource;
    grant.resource_text = "NotResource";
    grant.resource_range = statement.not_resource->name.range;
    return grant;
  }
  if (!statement.resource) return std::nullopt;
  const auto& entries = statement.resource->entries;
  auto it = std::find_if(entries.begin(), entries.end(), any_role);
  if (it == entries.end()) return std::nullopt;
  grant.resource = ResourceForm::kWildcard;
  grant.resource_text = it->text.value;
  grant.resource_range = it->text.range;
  return grant;
}

inline std::string_view code_for(const Grant& grant, const Target& target) {
  const auto& codes = grant.resource == ResourceForm::kNotResource ? target.not_resource_codes
                                                                   : target.wildcard_resource_codes;
  return codes[static_cast<std::size_t>(grant.action)];
}

// `Action "iam:*" (which includes iam:PassRole) with Resource "*"`, and so on.
inline std::string describe(const Grant& grant, const Target& target) {
  std::string action;
  switch (grant.action) {
    case ActionForm::kNamed:
      action = fmt::format("Action \"{}\"", grant.action_text);
      break;
    case ActionForm::kWildcard:
      action = fmt::format("Action \"{}\" (which includes {})", grant.action_text, target.action);
      break;
    case ActionForm::kNotAction:
      action = fmt::format("a NotAction that does not exclude {}", target.action);
      break;
  }
  if (grant.resource == ResourceForm::kNotResource) return action + " with NotResource";
  return fmt::format("{} with Resource \"{}\"", action, grant.resource_text);
}

// Reports the grant at its resource part (what to narrow), with the action part as related:
// "<how the action is granted> <consequence and fix>".
inline void report(const Grant& grant, const Target& target, std::string_view consequence,
                   engine::RuleContext& ctx) {
  ctx.report(grant.resource_range, "{} {}", describe(grant, target), consequence)
      .code(code_for(grant, target))
      .related(grant.action_range, fmt::format("{} is granted here", target.action));
}

}  // namespace iamlint::rules::iam_action_grant
