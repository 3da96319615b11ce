// IAM213: an identity policy allows Permissions-management actions (resource policies, ACLs,
// grants, sharing) on every resource, so its holder can open those resources to other accounts
// or to everyone; judged on what the policy allows after its Deny statements.
#include <algorithm>
#include <array>
#include <cstdint>
#include <utility>
#include <vector>

#include "analysis/risk_lists.h"
#include "engine/rule.h"
#include "privilege/risk_report.h"

namespace iamlint::rules {
namespace {

// Verbs of actions that take access away (delete a policy, revoke a grant, stop sharing) or only
// read it (ssm-sap:GetResourcePermission, backup:ListIndexedRecoveryPointsForSearch, which AWS
// files under Permissions management): they cannot open a resource, so they are not this rule's.
// A batch of them ("BatchRevokePermissions") opens nothing either. "Disable" is not among them:
// ec2:DisableImageBlockPublicAccess opens.
constexpr std::array<std::string_view, 8> kVerbsThatOpenNothing = {
    "Delete", "Remove", "Detach", "Disassociate", "Revoke", "Get", "List", "Describe"};

bool opens_nothing(catalog::Action action) {
  std::string_view name = action.name();
  if (name.starts_with("Batch")) name.remove_prefix(std::string_view("Batch").size());
  return std::any_of(kVerbsThatOpenNothing.begin(), kVerbsThatOpenNothing.end(),
                     [&](std::string_view verb) { return name.starts_with(verb); });
}

// Every Permissions-management action that can add access, except those of privilege-escalation
// methods, which IAM210 reports; most sensitive first.
std::vector<catalog::Action> exposing_actions() {
  catalog::ActionSet set =
      catalog::ActionSet::at_access_level(catalog::AccessLevel::kPermissionsManagement);
  for (const analysis::EscalationMethod& method : analysis::escalation_methods()) {
    for (const analysis::MethodStep& step : method.steps)
      set -= catalog::ActionSet::of(std::array{catalog::find_action(step.action)->index()});
  }
  // Each action's rank looked up once, not at every comparison of the sort.
  using Ranked = std::pair<int, std::uint32_t>;  // (sensitivity_rank, catalogue position)
  std::vector<Ranked> ranked;
  for (catalog::Action action : set) {
    if (!opens_nothing(action))
      ranked.emplace_back(analysis::sensitivity_rank(action), action.index());
  }
  std::sort(ranked.begin(), ranked.end());
  std::vector<catalog::Action> out;
  out.reserve(ranked.size());
  for (const Ranked& each : ranked) out.emplace_back(each.second);
  return out;
}

class ResourceExposure final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"security", "resource-exposure",
                                               "external/cwe/cwe-732"};
  static constexpr engine::Equivalent kEquivalents[] = {
      {"Cloudsplaining", "ResourceExposure"},
      {"Parliament", "PERMISSIONS_MANAGEMENT_ACTIONS"},
      {"Checkov", "CKV_AWS_109"},
      {"Checkov", "CKV_AWS_289"},
  };
  static constexpr ast::PolicyKind kKinds[] = {ast::PolicyKind::kIdentity};
  static constexpr std::string_view kAbsorbs[] = {"IAM203", "IAM250"};
  static constexpr engine::LevelCase kOtherLevels[] = {
      {engine::Level::kNote,
       "every exposing action it grants is constrained by "
       "a condition on who, from where or on what"}};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM213",
      .name = "resource-exposure",
      .level = engine::Level::kWarning,
      .other_levels = kOtherLevels,
      .summary =
          "An identity policy allows changing who may use resources (their policies, ACLs, "
          "grants or sharing) on every resource",
      .tags = kTags,
      .precision = engine::Precision::kHigh,
      .security_severity = "7.0",
      .equivalents = kEquivalents,
      .policy_kinds = kKinds,
      .judges_grants = true,
      .absorbs = kAbsorbs,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_policy(const ast::Policy& /*policy*/, engine::RuleContext& ctx) const override {
    // Most policies grant no Permissions-management action, which one word operation over the
    // model's actions shows; only then are the exposing ones looked for, once: a small policy
    // without them never pays for it.
    const analysis::PermissionModel& model = ctx.facts().permissions();
    if (!model.allowed_actions().intersects(
            catalog::ActionSet::at_access_level(catalog::AccessLevel::kPermissionsManagement))) {
      return;
    }
    static const std::vector<catalog::Action> kExposing = exposing_actions();
    // The same actions as a set, to skip the policies that grant none of them as cheaply.
    static const catalog::ActionSet kExposingSet = [] {
      catalog::ActionSet set;
      for (catalog::Action action : kExposing) set.insert(action);
      return set;
    }();
    if (!model.allowed_actions().intersects(kExposingSet)) return;
    std::vector<catalog::Action> allowed;
    for (catalog::Action action : kExposing) {
      if (model.allowed_actions().contains(action)) allowed.push_back(action);
    }
    for (const risk::EntryGrant& group : risk::group_by_entry(model, allowed)) {
      std::vector<std::string> names;
      for (catalog::Action action : group.actions) names.push_back(action.qualified_name());
      const std::string what = names.size() == 1
                                   ? risk::entry_allows(group.entry, names.front())
                                   : fmt::format("{} {} Permissions management actions",
                                                 risk::entry_allows(group.entry), names.size());
      ctx.report(group.entry.range,
                 "{} on every resource, which can open them to other accounts or to everyone{}; "
                 "name the resources it needs in Resource{}",
                 what, names.size() == 1 ? "" : ": " + risk::first_of(names),
                 risk::constraint_suffix(group))
          .level(risk::level_of(group));
    }
  }
};

IAMLINT_REGISTER_RULE(ResourceExposure);

}  // namespace
}  // namespace iamlint::rules
