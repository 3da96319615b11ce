#include "app/check_findings.h"

#include <algorithm>
#include <map>

#include <fmt/core.h>

#include "analysis/actions.h"
#include "analysis/condition_facts.h"
#include "analysis/public_access.h"
#include "analysis/resource_scope.h"
#include "catalog/action.h"
#include "catalog/action_pattern.h"
#include "catalog/glob.h"

namespace iamlint::app {
namespace {

using analysis::AccessChange;
using analysis::AccessDelta;
using analysis::Implication;

constexpr std::string_view kSecurityTags[] = {"security", "check"};

constexpr std::size_t kNamed = 3;  // resources or principals named in a "before" list

bool inside(ByteRange outer, ByteRange inner) {
  return inner.begin >= outer.begin && inner.end <= outer.end;
}

// The range of `statement` that best shows where `pattern` (an action name or pattern) is
// granted: the Action entry that names it, else the whole Action or NotAction element.
ByteRange action_range(const ast::Statement& statement, std::string_view name) {
  if (statement.action) {
    for (const ast::Action& entry : statement.action->entries) {
      if (catalog::glob_match_folded(entry.text.value, name) ||
          catalog::glob_intersects(entry.text.value, name, catalog::LetterCase::kInsensitive)) {
        return entry.text.range;
      }
    }
    return statement.action->range;
  }
  return statement.not_action ? statement.not_action->range : statement.range;
}

std::string first_action_name(const AccessDelta& delta) {
  if (!delta.actions.empty()) return catalog::Action(delta.actions.front()).qualified_name();
  return delta.unknown_actions.empty() ? "" : std::string(delta.unknown_actions.front());
}

ByteRange resource_range(const ast::Statement& statement, const ast::Resource* resource) {
  if (resource != nullptr && inside(statement.range, resource->text.range))
    return resource->text.range;
  if (statement.resource) return statement.resource->range;
  return statement.not_resource ? statement.not_resource->range : statement.range;
}

ByteRange principal_range(const ast::Statement& statement, const ast::PrincipalEntry* principal) {
  if (principal != nullptr) return principal->text.range;
  if (statement.principal) return statement.principal->range;
  return statement.not_principal ? statement.not_principal->range : statement.range;
}

// "up to three texts, and N more".
template <class Texts>
std::string list_some(const Texts& texts) {
  std::string out;
  std::size_t shown = 0;
  for (const auto& text : texts) {
    if (shown == kNamed) {
      out += fmt::format(" and {} more", texts.size() - kNamed);
      break;
    }
    out += fmt::format("{}{}", shown++ == 0 ? "" : ", ", text);
  }
  return out;
}

std::string principal_text(const ast::PrincipalEntry& entry) {
  return fmt::format("{{\"{}\": \"{}\"}}", entry.type_key, entry.text.value);
}

// Where the access reaches: " on RESOURCE", with " to PRINCIPAL" when the delta has one.
std::string reach(const AccessDelta& delta) {
  std::string out = fmt::format(" on {}", delta.resource_text);
  if (delta.principal != nullptr) out += fmt::format(" to {}", principal_text(*delta.principal));
  return out;
}

catalog::ActionSet action_set(const AccessDelta& delta) {
  return catalog::ActionSet::of(delta.actions);
}

// What the older policy allowed where the delta now reaches: its actions on that resource, the
// resources it allowed the actions on, or the principals it allowed them to.
std::string before(const AccessDelta& delta, const analysis::PermissionModel& older) {
  const catalog::ActionSet actions = action_set(delta);
  switch (delta.change) {
    case AccessChange::kAction: {
      catalog::ActionSet there;
      for (const analysis::Grant& grant : older.grants()) {
        const bool on_it = delta.resource != nullptr
                               ? grant.resources.covers(delta.resource->text.value)
                               : grant.resources.form() == analysis::ResourceScope::Form::kAny;
        if (on_it) there |= grant.allowed();
      }
      return there.empty() ? "no action there"
                           : fmt::format("only {}", analysis::describe_grant(there));
    }
    case AccessChange::kResource: {
      std::vector<std::string_view> resources;
      for (const analysis::Grant& grant : older.grants()) {
        if (!grant.allowed().intersects(actions)) continue;
        if (grant.resources.form() != analysis::ResourceScope::Form::kListed) continue;
        for (const ast::Resource& entry : grant.resources.entries()) {
          if (std::find(resources.begin(), resources.end(), entry.text.value) == resources.end())
            resources.push_back(entry.text.value);
        }
      }
      return resources.empty() ? "on fewer resources"
                               : fmt::format("only on {}", list_some(resources));
    }
    case AccessChange::kPrincipal: {
      std::vector<std::string> principals;
      for (const analysis::Grant& grant : older.grants()) {
        if (!grant.allowed().intersects(actions)) continue;
        for (const ast::PrincipalEntry& entry : grant.principals.entries()) {
          std::string text = principal_text(entry);
          if (std::find(principals.begin(), principals.end(), text) == principals.end())
            principals.push_back(std::move(text));
        }
      }
      return principals.empty() ? "to fewer principals"
                                : fmt::format("only to {}", list_some(principals));
    }
    case AccessChange::kCondition:
    case AccessChange::kDenial:
      break;
  }
  return "";
}

std::string condition_reasons(const AccessDelta& delta) {
  std::vector<std::string> reasons;
  for (const analysis::ConditionGap& gap : delta.condition_gaps)
    reasons.push_back(analysis::describe_gap(gap));
  std::string out;
  for (const std::string& reason : reasons) {
    if (!out.empty()) out += "; ";
    out += reason;
  }
  return out;
}

// ", added" or ", changed" for a statement whose Sid the base version lacks or has: how a reviewer
// finds it in the diff. Nothing for a statement without a Sid.
std::string change_of(const ast::Statement& statement, const ast::Policy& older) {
  if (!statement.sid) return "";
  const bool known = std::any_of(
      older.statements.begin(), older.statements.end(),
      [&](const ast::Statement& old) { return old.sid && old.sid->value == statement.sid->value; });
  return known ? ", changed" : ", added";
}

constexpr std::string_view kUndecided =
    "iamlint cannot decide whether the new conditions are as narrow as the old ones, so the check "
    "fails: review this by hand";

engine::Finding new_access_finding(const AccessDelta& delta, const LoadedPolicy& older) {
  const ast::Statement& statement = *delta.grant->statement;
  const bool undecided = delta.certainty == Implication::kUndecided;
  engine::Finding finding{.rule = &kNoNewAccessCheck,
                          .level = undecided ? engine::Level::kWarning : engine::Level::kError,
                          .range = statement.range};
  const std::string what = describe_actions(delta) + reach(delta);
  const std::string where =
      fmt::format("{}{}", statement_label(statement), change_of(statement, older.policy()));
  const std::string_view verb = undecided ? "may newly allow" : "newly allows";
  switch (delta.change) {
    case AccessChange::kAction:
      finding.range = action_range(statement, first_action_name(delta));
      finding.message =
          fmt::format("{} {} ({}); before: {}", verb, what, where, before(delta, older.model()));
      break;
    case AccessChange::kResource:
      finding.range = resource_range(statement, delta.resource);
      finding.message =
          fmt::format("{} {} ({}); before: {}", verb, what, where, before(delta, older.model()));
      break;
    case AccessChange::kPrincipal:
      finding.range = principal_range(statement, delta.principal);
      finding.message =
          fmt::format("{} {} ({}); before: {}", verb, what, where, before(delta, older.model()));
      break;
    case AccessChange::kCondition: {
      const analysis::ConditionGap* gap =
          delta.condition_gaps.empty() ? nullptr : &delta.condition_gaps.front();
      if (gap != nullptr && gap->nearest != nullptr &&
          inside(statement.range, gap->nearest->key.range))
        finding.range = gap->nearest->key.range;
      finding.message = fmt::format("{} {} under wider conditions ({}): {}", verb, what, where,
                                    condition_reasons(delta));
      if (undecided) finding.message += fmt::format("; {}", kUndecided);
      break;
    }
    case AccessChange::kDenial: {
      const ast::Statement& denial = *delta.lost_denial->statement;
      finding.message = fmt::format(
          "{} {} ({}): the Deny of the base version's {} that took it away is gone or narrower",
          verb, what, where, statement_label(denial));
      if (undecided) {
        finding.message +=
            "; a Deny like it remains, with conditions iamlint cannot compare: review this by "
            "hand";
      }
      break;
    }
  }
  return finding;
}

// The conditions a grant (or the Denies beside it) narrow its access with, for messages.
std::string constraints(const analysis::Access& access) {
  std::string out;
  for (const analysis::ConditionFact& fact : access.grant->conditions)
    out += fmt::format("{}{}", out.empty() ? ", only when " : " and ",
                       analysis::describe(*fact.condition));
  for (const analysis::Denial* denial : access.unless)
    out += fmt::format(", unless the Deny of {} applies", statement_label(*denial->statement));
  return out;
}

bool reaches_any(const analysis::Access& access, std::span<const std::string> resources) {
  if (resources.empty() || access.every_resource) {
    if (access.grant->resources.form() != analysis::ResourceScope::Form::kAllBut ||
        !access.resources.empty() || resources.empty()) {
      return true;
    }
    return std::any_of(resources.begin(), resources.end(), [&](const std::string& arn) {
      return access.grant->resources.matches(arn);
    });
  }
  return std::any_of(
      access.resources.begin(), access.resources.end(), [&](const ast::Resource* entry) {
        return std::any_of(resources.begin(), resources.end(), [&](const std::string& arn) {
          return analysis::resources_intersect(entry->text.value, arn);
        });
      });
}

}  // namespace

constexpr engine::RuleInfo kNoNewAccessCheck{
    .id = "CheckNoNewAccess",
    .name = "no-new-access",
    .level = engine::Level::kError,
    .summary = "The changed policy allows access that its base version does not",
    .tags = kSecurityTags,
    .precision = engine::Precision::kHigh,
    .security_severity = "7.5"};

constexpr engine::RuleInfo kAccessNotGrantedCheck{
    .id = "CheckAccessNotGranted",
    .name = "access-not-granted",
    .level = engine::Level::kError,
    .summary = "The policy allows an action that must not be granted",
    .tags = kSecurityTags,
    .precision = engine::Precision::kHigh,
    .security_severity = "7.5"};

constexpr engine::RuleInfo kNoPublicAccessCheck{
    .id = "CheckNoPublicAccess",
    .name = "no-public-access",
    .level = engine::Level::kError,
    .summary = "The resource policy grants access to anyone",
    .tags = kSecurityTags,
    .precision = engine::Precision::kHigh,
    .security_severity = "9.0"};

std::string statement_label(const ast::Statement& statement) {
  return statement.sid
             ? fmt::format("statement {} \"{}\"", statement.index + 1, statement.sid->value)
             : fmt::format("statement {}", statement.index + 1);
}

std::string describe_actions(const AccessDelta& delta) {
  std::string out = delta.actions.empty() ? "" : analysis::describe_grant(delta.actions);
  if (!delta.unknown_actions.empty()) {
    out += fmt::format("{}{} (not in the action catalogue)", out.empty() ? "" : " and ",
                       list_some(delta.unknown_actions));
  }
  return out;
}

std::vector<engine::Finding> new_access_findings(std::span<const AccessDelta> deltas,
                                                 const LoadedPolicy& older) {
  std::vector<engine::Finding> findings;
  for (const AccessDelta& delta : deltas) findings.push_back(new_access_finding(delta, older));
  std::stable_sort(findings.begin(), findings.end(), engine::finding_order);
  return findings;
}

std::vector<engine::Finding> granted_findings(const LoadedPolicy& policy,
                                              std::span<const std::string> actions,
                                              std::span<const std::string> resources) {
  const analysis::PermissionModel& model = policy.model();
  // Per grant: the listed actions it allows, where and how (as the first of them is).
  struct Allowed {
    std::vector<std::uint32_t> indices;
    std::string resources;
    std::string constraints;
  };
  std::map<const analysis::Grant*, Allowed> by_grant;
  std::map<const analysis::Grant*, std::vector<std::string_view>> unknown;
  for (const std::string& pattern : actions) {
    auto matched = catalog::expand_action_pattern(pattern);
    if (matched && !matched->empty()) {
      for (std::uint32_t index : *matched) {
        for (const analysis::Access& access : model.access(catalog::Action(index))) {
          if (!reaches_any(access, resources)) continue;
          Allowed& allowed = by_grant[access.grant];
          if (allowed.indices.empty()) {
            allowed.resources = access.every_resource || access.resources.empty()
                                    ? std::string("every resource")
                                    : std::string(access.resources.front()->text.value) +
                                          (access.resources.size() > 1 ? " and more" : "");
            allowed.constraints = constraints(access);
          }
          allowed.indices.push_back(index);
        }
      }
      continue;
    }
    // An action the catalogue does not know: the grants whose patterns may name it.
    for (const analysis::Grant& grant : model.grants()) {
      const auto entries = grant.actions.entries();
      const bool named = std::any_of(entries.begin(), entries.end(), [&](const ast::Action& e) {
        return catalog::glob_intersects(e.text.value, pattern, catalog::LetterCase::kInsensitive);
      });
      if (named != grant.actions.negated()) unknown[&grant].push_back(pattern);
    }
  }
  std::vector<engine::Finding> findings;
  for (auto& [grant, allowed] : by_grant) {
    std::vector<std::uint32_t>& indices = allowed.indices;
    std::sort(indices.begin(), indices.end());
    indices.erase(std::unique(indices.begin(), indices.end()), indices.end());
    const std::string name = catalog::Action(indices.front()).qualified_name();
    findings.push_back(
        {.rule = &kAccessNotGrantedCheck,
         .level = engine::Level::kError,
         .range = action_range(*grant->statement, name),
         .message = fmt::format("allows {}, which --action lists, on {} ({}){}",
                                analysis::describe_grant(indices), allowed.resources,
                                statement_label(*grant->statement), allowed.constraints)});
  }
  for (const auto& [grant, patterns] : unknown) {
    findings.push_back(
        {.rule = &kAccessNotGrantedCheck,
         .level = engine::Level::kError,
         .range = action_range(*grant->statement, patterns.front()),
         .message = fmt::format("may allow {}, which --action lists ({})", list_some(patterns),
                                statement_label(*grant->statement))});
  }
  std::stable_sort(findings.begin(), findings.end(), engine::finding_order);
  return findings;
}

std::vector<engine::Finding> public_findings(const LoadedPolicy& policy) {
  std::vector<engine::Finding> findings;
  // An endpoint policy's Principal "*" opens nothing: it only limits who may use the endpoint.
  if (ast::limits_only(policy.policy().kind, policy.policy().attached_to)) return findings;
  for (const analysis::PublicGrant& open : analysis::public_grants(policy.model())) {
    const ast::Statement& statement = *open.grant->statement;
    std::string message = fmt::format(
        "allows {} to anyone ({}): no condition pins the callers to accounts, organisations, "
        "networks, VPC endpoints or source ARNs",
        analysis::describe_grant(open.grant->allowed()), statement_label(statement));
    for (const analysis::ConditionFact* fact : open.narrowing)
      message += fmt::format("; {} narrows what, not who", analysis::describe(*fact->condition));
    findings.push_back({.rule = &kNoPublicAccessCheck,
                        .level = engine::Level::kError,
                        .range = principal_range(statement, nullptr),
                        .message = std::move(message)});
  }
  return findings;
}

}  // namespace iamlint::app
