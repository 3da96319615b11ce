// IAM216: an Allow statement with NotAction or NotResource, which grants everything but what it
// lists. The finding says what that is, after the policy's Deny statements: how many actions, of
// which access levels, the most sensitive named first.
#include <algorithm>
#include <string>
#include <vector>

#include "analysis/actions.h"
#include "analysis/policy_facts.h"
#include "engine/rule.h"
#include "privilege/risk_report.h"

namespace iamlint::rules {
namespace {

std::string listed(const ast::EntryList<ast::Resource>& list) {
  std::vector<std::string> texts;
  for (const ast::Resource& entry : list.entries) texts.emplace_back(entry.text.value);
  return risk::first_of(texts, 2);
}

class AllowWithNotActionOrResource final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"security", "least-privilege",
                                               "external/cwe/cwe-732"};
  static constexpr engine::Equivalent kEquivalents[] = {
      {"Parliament", "NOTRESOURCE_WITH_ALLOW"},
      {"iam-validator", "not_action_not_resource"},
  };
  static constexpr ast::PolicyKind kKinds[] = {ast::PolicyKind::kIdentity,
                                               ast::PolicyKind::kResource};
  // What NotAction or NotResource lets through includes what these narrower rules report.
  static constexpr std::string_view kAbsorbs[] = {"IAM203", "IAM205", "IAM206", "IAM210",
                                                  "IAM211", "IAM212", "IAM213", "IAM250"};
  static constexpr engine::LevelCase kOtherLevels[] = {
      {engine::Level::kNote,
       "a condition narrows the grant, the actions are named one by one, or everything granted "
       "only "
       "reads"}};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM216",
      .name = "allow-with-not-action-or-resource",
      .level = engine::Level::kWarning,
      .other_levels = kOtherLevels,
      .summary =
          "An Allow statement uses NotAction or NotResource, and so grants everything but "
          "what it lists",
      .tags = kTags,
      .precision = engine::Precision::kHigh,
      .security_severity = "6.0",
      .equivalents = kEquivalents,
      .policy_kinds = kKinds,
      .judges_grants = true,
      .absorbs = kAbsorbs,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_statement(const ast::Statement& statement, engine::RuleContext& ctx) const override {
    if (!statement.allows() || (!statement.not_action && !statement.not_resource)) return;
    const analysis::Grant* grant = ctx.facts().permissions().grant_of(statement);
    if (grant == nullptr || grant->allowed().empty()) return;
    const std::vector<std::uint32_t> actions = analysis::indices_of(grant->allowed());
    const std::string granted = analysis::describe_grant(actions);
    const std::string resources =
        statement.not_resource
            ? fmt::format("on every resource except {}", listed(*statement.not_resource))
        : grant->resources.form() == analysis::ResourceScope::Form::kAny
            ? "on every resource"
            : "on the resources in Resource";
    const std::string what = statement.not_action
                                 ? "every action except those it lists, " + resources
                                 : "its actions " + resources;
    const ByteRange range = statement.not_action ? statement.not_action->name.range
                                                 : statement.not_resource->name.range;
    const std::vector<const analysis::ConditionFact*> narrowing = grant->narrowing_conditions();
    const std::string element = statement.not_action ? "NotAction" : "NotResource";
    // NotResource with actions named one by one says clearly what it grants; with a wildcard or
    // NotAction, every new action or resource widens it unseen.
    const bool named_actions =
        statement.action &&
        std::none_of(
            statement.action->entries.begin(), statement.action->entries.end(),
            [](const ast::Action& entry) { return analysis::is_pattern(entry.text.value); });
    const bool warn = narrowing.empty() && !named_actions && !analysis::only_reads(actions);
    ctx.report(range, "{} grants {}: {}{}; list the actions and resources it needs instead",
               element, what, granted,
               narrowing.empty() ? std::string()
                                 : fmt::format(", only when {}",
                                               analysis::describe(*narrowing.front()->condition)))
        .level(warn ? engine::Level::kWarning : engine::Level::kNote);
  }
};

IAMLINT_REGISTER_RULE(AllowWithNotActionOrResource);

}  // namespace
}  // namespace iamlint::rules
