// IAM157: an Action or NotAction entry that is not of the form service:ActionName, or has a
// wildcard in its service prefix ("*:*", "s3*:Get*"). IAM rejects the policy ("Action vendors
// must not contain wildcards"); only "*" alone stands for every action.
#include "catalog/action_pattern.h"
#include "engine/rule.h"

namespace iamlint::rules {
namespace {

std::string_view advice(catalog::PatternError error) {
  switch (error) {
    case catalog::PatternError::kWildcardInService:
      return "write \"*\" for every action, or name the service (\"s3:Get*\")";
    case catalog::PatternError::kMissingColon:
      return "prefix it with its service (\"s3:GetObject\")";
    default:
      return "remove it or write service:ActionName";
  }
}

class MalformedAction final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"correctness"};
  static constexpr engine::Equivalent kEquivalents[] = {{"Parliament", "MALFORMED"}};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM157",
      .name = "malformed-action",
      .level = engine::Level::kError,
      .summary =
          "An action is not of the form service:ActionName, or has a wildcard in its service "
          "prefix",
      .tags = kTags,
      .precision = engine::Precision::kVeryHigh,
      .equivalents = kEquivalents,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_statement(const ast::Statement& statement, engine::RuleContext& ctx) const override {
    for (const auto* list : {&statement.action, &statement.not_action}) {
      if (!*list) continue;
      // An expansion fails for the pattern's syntax (the errors of parse_action_pattern) or for
      // an unknown service, which is another rule's: looked up once for every rule that asks.
      const auto named = ctx.facts().entry_actions(statement, **list);
      for (std::size_t i = 0; i < named.size(); ++i) {
        if (named[i] || named[i].error() == catalog::PatternError::kUnknownService) continue;
        const ast::Action& action = (*list)->entries[i];
        // An ARN written as an action is unknown-service-in-action's finding.
        if (action.text.value.starts_with("arn:")) continue;
        ctx.report(action.text.range, "\"{}\" is not a valid action: {}; {}", action.text.value,
                   catalog::describe(named[i].error()), advice(named[i].error()));
      }
    }
  }
};

IAMLINT_REGISTER_RULE(MalformedAction);

}  // namespace
}  // namespace iamlint::rules
