// IAM405: NotAction in a resource control policy, which AWS Organizations does not support.
#include "engine/rule.h"
#include "organizations/statement_member.h"

namespace iamlint::rules {
namespace {

class NotActionInRcp final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"correctness", "rcp"};
  static constexpr std::string_view kCodes[] = {"RCP_SYNTAX_ERROR_NOTACTION"};
  static constexpr ast::PolicyKind kKinds[] = {ast::PolicyKind::kRcp};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM405",
      .name = "not-action-in-rcp",
      .level = engine::Level::kError,
      .summary = "A resource control policy uses NotAction, which RCPs do not support",
      .tags = kTags,
      .precision = engine::Precision::kVeryHigh,
      .access_analyzer_codes = kCodes,
      .policy_kinds = kKinds,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_statement(const ast::Statement& statement, engine::RuleContext& ctx) const override {
    statement_member::for_each(ctx.json(), statement, "NotAction", [&](const json::Node& member) {
      ctx.report(
          member.key_range,
          "NotAction is not supported in a resource control policy; list the actions to deny in "
          "Action instead (\"Action\": \"*\" denies every action of the services RCPs support)");
    });
  }
};

IAMLINT_REGISTER_RULE(NotActionInRcp);

}  // namespace
}  // namespace iamlint::rules
