// IAM205: an identity policy lets its principal pass any role (and with it the role's
// permissions) to an AWS service: the privilege-escalation step behind Access Analyzer's six
// PASS_ROLE_* security warnings.
#include "engine/rule.h"
#include "privilege/iam_action_grant.h"

namespace iamlint::rules {
namespace {

class PassRoleToAnyRole final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"security", "privilege-escalation",
                                               "least-privilege", "external/cwe/cwe-269"};
  static constexpr std::string_view kCodes[] = {
      "PASS_ROLE_WITH_NOT_RESOURCE",
      "PASS_ROLE_WITH_STAR_IN_ACTION_AND_NOT_RESOURCE",
      "PASS_ROLE_WITH_NOT_ACTION_AND_NOT_RESOURCE",
      "PASS_ROLE_WITH_STAR_IN_RESOURCE",
      "PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE",
      "PASS_ROLE_WITH_STAR_IN_RESOURCE_AND_NOT_ACTION",
  };
  static constexpr engine::Equivalent kEquivalents[] = {
      {"cfn-nag", "F38"},
      {"cfn-nag", "F39"},
      {"cfn-nag", "F40"},
      {"KICS", "e39bee8c-fe54-4a3f-824d-e5e2d1cca40a"},
      {"Trivy", "AWS-0342"}};
  static constexpr ast::PolicyKind kKinds[] = {ast::PolicyKind::kIdentity};
  // A role without a path and one with a path: `role/*` matches both, `role/service-role/*` or
  // `role/Service*` (a naming convention that scopes the roles) does not.
  static constexpr iam_action_grant::Target kPassRole{
      .action = "iam:PassRole",
      .probes = {"role/a", "role/zq9/Zq9-x"},
      .bounding_key = "iam:PassedToService",
      .not_resource_codes = {kCodes[0], kCodes[1], kCodes[2]},
      .wildcard_resource_codes = {kCodes[3], kCodes[4], kCodes[5]},
  };
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM205",
      .name = "pass-role-to-any-role",
      .level = engine::Level::kWarning,
      .summary = "An Allow statement lets the principal pass any IAM role to an AWS service",
      .tags = kTags,
      .precision = engine::Precision::kHigh,
      .security_severity = "7.5",
      .access_analyzer_codes = kCodes,
      .equivalents = kEquivalents,
      .policy_kinds = kKinds,
      .judges_grants = true,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_statement(const ast::Statement& statement, engine::RuleContext& ctx) const override {
    std::optional<iam_action_grant::Grant> grant =
        iam_action_grant::find_grant(statement, kPassRole, ctx.facts().permissions());
    if (!grant) return;
    iam_action_grant::report(
        *grant, kPassRole,
        "lets the principal pass any role, and so its permissions, to an AWS service; list the "
        "role ARNs it needs in Resource, or add an iam:PassedToService condition",
        ctx);
  }
};

IAMLINT_REGISTER_RULE(PassRoleToAnyRole);

}  // namespace
}  // namespace iamlint::rules
