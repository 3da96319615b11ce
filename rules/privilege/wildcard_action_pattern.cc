// IAM250: an Allow statement with a partial wildcard ("s3:Put*", "iam:*Policy*"), judged by the
// actions it grants rather than by its shape.
#include "analysis/actions.h"
#include "engine/rule.h"

namespace iamlint::rules {
namespace {

constexpr std::string_view kTags[] = {"security", "least-privilege"};
constexpr engine::Equivalent kEquivalents[] = {{"Parliament", "PERMISSIONS_MANAGEMENT_ACTIONS"}};
constexpr std::string_view kAbsorbs[] = {"IAM203"};

constexpr engine::LevelCase kOtherLevels[] = {
    {engine::Level::kNote, "every action the pattern grants only reads (List or Read)"}};

class WildcardActionPattern final : public engine::Rule {
 public:
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM250",
      .name = "wildcard-action-pattern",
      .level = engine::Level::kWarning,
      .other_levels = kOtherLevels,
      .summary =
          "An Allow statement's action wildcard grants actions that change resources or "
          "permissions",
      .tags = kTags,
      .precision = engine::Precision::kHigh,
      .security_severity = "4.0",
      .equivalents = kEquivalents,
      .judges_grants = true,
      .absorbs = kAbsorbs,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_statement(const ast::Statement& statement, engine::RuleContext& ctx) const override {
    if (!statement.allows() || !statement.action) return;
    for (const ast::Action& action : statement.action->entries) {
      // "*" and "service:*" have rules of their own.
      if (action.name == "*" || !analysis::is_pattern(action.name)) continue;
      const std::vector<std::uint32_t> granted =
          analysis::still_granted(analysis::actions_of(action), statement, ctx.facts());
      // The catalogue rules report patterns that match nothing; a Deny may take the rest.
      if (granted.empty()) continue;
      ctx.report(action.text.range, "Action \"{}\" allows {}", action.text.value,
                 analysis::describe_grant(granted))
          .level(analysis::only_reads(granted) ? engine::Level::kNote : engine::Level::kWarning);
    }
  }
};

IAMLINT_REGISTER_RULE(WildcardActionPattern);

}  // namespace
}  // namespace iamlint::rules
