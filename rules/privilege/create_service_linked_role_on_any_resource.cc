// IAM206: an identity policy lets its principal create the service-linked role of any AWS
// service: Access Analyzer's six CREATE_SLR_* warnings.
#include "engine/rule.h"
#include "privilege/iam_action_grant.h"

namespace iamlint::rules {
namespace {

class CreateServiceLinkedRoleOnAnyResource final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"least-privilege"};
  static constexpr std::string_view kCodes[] = {
      "CREATE_SLR_WITH_NOT_RESOURCE",
      "CREATE_SLR_WITH_STAR_IN_ACTION_AND_NOT_RESOURCE",
      "CREATE_SLR_WITH_NOT_ACTION_AND_NOT_RESOURCE",
      "CREATE_SLR_WITH_STAR_IN_RESOURCE",
      "CREATE_SLR_WITH_STAR_IN_ACTION_AND_RESOURCE",
      "CREATE_SLR_WITH_STAR_IN_RESOURCE_AND_NOT_ACTION",
  };
  static constexpr ast::PolicyKind kKinds[] = {ast::PolicyKind::kIdentity};
  // Service-linked roles live under role/aws-service-role/<service principal>/: a pattern that
  // matches the roles of two unrelated services is not scoped to a service.
  static constexpr iam_action_grant::Target kCreateSlr{
      .action = "iam:CreateServiceLinkedRole",
      .probes = {"role/aws-service-role/a.amazonaws.com/A",
                 "role/aws-service-role/zq9.amazonaws.com/Zq9"},
      .bounding_key = "iam:AWSServiceName",
      .not_resource_codes = {kCodes[0], kCodes[1], kCodes[2]},
      .wildcard_resource_codes = {kCodes[3], kCodes[4], kCodes[5]},
  };
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM206",
      .name = "create-service-linked-role-on-any-resource",
      .level = engine::Level::kWarning,
      .summary =
          "An Allow statement lets the principal create the service-linked role of any AWS service",
      .tags = kTags,
      .precision = engine::Precision::kHigh,
      .access_analyzer_codes = kCodes,
      .policy_kinds = kKinds,
      .judges_grants = true,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_statement(const ast::Statement& statement, engine::RuleContext& ctx) const override {
    std::optional<iam_action_grant::Grant> grant =
        iam_action_grant::find_grant(statement, kCreateSlr, ctx.facts().permissions());
    if (!grant) return;
    iam_action_grant::report(
        *grant, kCreateSlr,
        "lets the principal create the service-linked role of any AWS service; name the role ARNs "
        "under role/aws-service-role/<service>/ in Resource, or add an iam:AWSServiceName "
        "condition",
        ctx);
  }
};

IAMLINT_REGISTER_RULE(CreateServiceLinkedRoleOnAnyResource);

}  // namespace
}  // namespace iamlint::rules
