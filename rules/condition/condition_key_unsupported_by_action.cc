// IAM357: a service condition key next to named actions that do not take it: the key is neither
// among an action's request keys nor carried by one of its resource types, so for those actions
// the condition sees no value. Global aws: keys are left alone (tag keys are IAM358/IAM359's), and
// so are the service keys that describe the caller's role session (ec2:SourceInstanceArn), which
// every request made with the session carries.
//
// Access Analyzer reports this as an error. Here it is a warning: the catalogue's pairing of keys
// with actions is incomplete (AWS managed policies pair keys such as ram:ResourceShareName and
// cross-service keys such as glue:RoleAssumedBy with actions that do not list them), so a finding
// may be a gap in the data rather than in the policy.
#include <string>
#include <vector>

#include "analysis/actions.h"
#include "catalog/action.h"
#include "catalog/condition_key.h"
#include "catalog/lists.h"
#include "catalog/service.h"
#include "condition/condition_key_catalog.h"
#include "engine/rule.h"

namespace iamlint::rules {
namespace {

struct NamedAction {
  const ast::Action* entry;
  catalog::Action action;
};

std::string list_names(const std::vector<const NamedAction*>& actions) {
  return condition_keys::first_names(
      actions.size(), [&](std::size_t i) { return actions[i]->action.qualified_name(); });
}

class ConditionKeyUnsupportedByAction final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"correctness", "condition"};
  static constexpr std::string_view kCodes[] = {"UNSUPPORTED_ACTION_FOR_CONDITION_KEY"};
  static constexpr engine::Equivalent kEquivalents[] = {
      {"Parliament", "UNKNOWN_CONDITION_FOR_ACTION"}};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM357",
      .name = "condition-key-unsupported-by-action",
      .level = engine::Level::kWarning,
      .summary =
          "A service condition key is used with actions that, by the catalogue, do not support it",
      .tags = kTags,
      .precision = engine::Precision::kMedium,
      .access_analyzer_codes = kCodes,
      .equivalents = kEquivalents,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_statement(const ast::Statement& statement, engine::RuleContext& ctx) const override {
    if (!statement.action || statement.conditions.empty()) return;
    std::vector<NamedAction> named;
    for (const ast::Action& entry : statement.action->entries) {
      if (analysis::is_pattern(entry.text.value)) continue;  // Access Analyzer skips wildcards too
      if (std::optional<catalog::Action> action = catalog::find_action(entry.text.value)) {
        named.push_back({&entry, *action});
      }
    }
    if (named.empty()) return;
    for (const ast::Condition& condition : statement.conditions) {
      const std::string_view key = condition.key.value;
      // ...IfExists and Null say what happens when the key is absent: written for exactly this.
      if (condition.op.if_exists || condition.op.base == "Null") continue;
      if (condition_keys::is_global(key) || condition_keys::is_tag_key(key)) continue;
      if (catalog::is_role_session_key(key)) continue;
      if (!catalog::find_service(condition_keys::prefix_of(key))) continue;
      std::optional<catalog::ConditionKey> known = catalog::find_condition_key(key);
      if (!known) continue;  // unknown keys are IAM350's and IAM351's
      std::vector<const NamedAction*> unsupported;
      for (const NamedAction& action : named) {
        if (!condition_keys::action_supports(action.action, *known, key))
          unsupported.push_back(&action);
      }
      if (unsupported.empty()) continue;
      auto finding = ctx.report(
          condition.key.range,
          "{} {} not support \"{}\" (by iamlint's catalogue), so for {} the condition finds no "
          "value; move {} to a statement without this key, or use a key {}",
          list_names(unsupported), unsupported.size() == 1 ? "does" : "do", key,
          unsupported.size() == 1 ? "it" : "them", unsupported.size() == 1 ? "it" : "them",
          unsupported.size() == 1 ? "it supports" : "they support");
      for (const NamedAction* action : unsupported) {
        finding.related(action->entry->text.range, fmt::format("{} does not support this key",
                                                               action->action.qualified_name()));
      }
    }
  }
};

IAMLINT_REGISTER_RULE(ConditionKeyUnsupportedByAction);

}  // namespace
}  // namespace iamlint::rules
