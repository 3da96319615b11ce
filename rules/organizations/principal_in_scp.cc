// IAM401: Principal or NotPrincipal in a service control policy, which AWS Organizations rejects.
#include "engine/rule.h"
#include "organizations/statement_member.h"

namespace iamlint::rules {
namespace {

class PrincipalInScp final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"correctness", "scp"};
  static constexpr std::string_view kCodes[] = {"SCP_SYNTAX_ERROR_PRINCIPAL"};
  static constexpr ast::PolicyKind kKinds[] = {ast::PolicyKind::kScp};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM401",
      .name = "principal-in-scp",
      .level = engine::Level::kError,
      .summary =
          "A service control policy names a Principal or NotPrincipal, which SCPs do not support",
      .tags = kTags,
      .precision = engine::Precision::kVeryHigh,
      .access_analyzer_codes = kCodes,
      .policy_kinds = kKinds,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_statement(const ast::Statement& statement, engine::RuleContext& ctx) const override {
    for (std::string_view name : {"Principal", "NotPrincipal"}) {
      statement_member::for_each(ctx.json(), statement, name, [&](const json::Node& member) {
        ctx.report(
            member.key_range,
            "\"{}\" is not supported in a service control policy, which applies to every principal "
            "of the accounts it is attached to; remove it and test the principal in a Condition "
            "instead, e.g. \"ArnNotLike\": {{\"aws:PrincipalArn\": \"arn:aws:iam::*:role/Admin\"}}",
            name);
      });
    }
  }
};

IAMLINT_REGISTER_RULE(PrincipalInScp);

}  // namespace
}  // namespace iamlint::rules
