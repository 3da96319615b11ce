// IAM253: with --resource-type, an action or a resource ARN that a policy attached to that
// resource cannot govern (a KMS action in a bucket policy, a table ARN in a bucket policy). A role
// trust policy is attached to its role whichever way its kind is known (--policy-type trust, or
// inferred), so its actions are checked without --resource-type too.
#include <algorithm>

#include "analysis/actions.h"
#include "attached_resource.h"
#include "catalog/service.h"
#include "engine/rule.h"

namespace iamlint::rules {
namespace {

bool arn_is_governed(std::string_view arn, ast::AttachedResource resource) {
  for (const CatalogResourceType& entry : governed_resource_types(resource)) {
    std::optional<catalog::Service> service = catalog::find_service(entry.service);
    if (!service) continue;
    std::optional<catalog::ResourceType> type = service->find_resource_type(entry.name);
    if (type && type->can_match(arn)) return true;
  }
  return false;
}

class OutsideAttachedResource final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"correctness"};
  static constexpr std::string_view kCodes[] = {"UNSUPPORTED_ACTION_IN_POLICY",
                                                "UNSUPPORTED_RESOURCE_ARN_IN_POLICY"};
  static constexpr ast::PolicyKind kKinds[] = {ast::PolicyKind::kResource, ast::PolicyKind::kTrust};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM253",
      .name = "outside-attached-resource",
      .level = engine::Level::kError,
      .summary =
          "An action or resource ARN does not apply to the resource the policy is attached to "
          "(--resource-type), or a role trust policy names an action other than sts:AssumeRole*, "
          "sts:TagSession, sts:SetSourceIdentity and sts:SetContext",
      .tags = kTags,
      .precision = engine::Precision::kHigh,
      .access_analyzer_codes = kCodes,
      .policy_kinds = kKinds,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_statement(const ast::Statement& statement, engine::RuleContext& ctx) const override {
    std::optional<ast::AttachedResource> attached = ctx.policy().attached_to;
    if (!attached && ctx.kind() == ast::PolicyKind::kTrust)
      attached = ast::AttachedResource::kIamAssumeRolePolicyDocument;
    if (!attached || !ast::validated_type(*attached)) return;
    std::string_view resource_name = ast::attached_resource_name(*attached);
    if (statement.action) {
      for (const ast::Action& entry : statement.action->entries) {
        analysis::Indices actions = analysis::actions_of(entry);
        if (actions.empty()) continue;  // unknown actions are another rule's business
        if (std::any_of(actions.begin(), actions.end(), [&](std::uint32_t index) {
              return applies_to(catalog::Action(index), *attached);
            })) {
          continue;
        }
        if (*attached == ast::AttachedResource::kIamAssumeRolePolicyDocument) {
          ctx.report(entry.text.range,
                     "a role trust policy allows only sts:AssumeRole*, sts:TagSession, "
                     "sts:SetSourceIdentity and sts:SetContext, so it cannot name \"{}\"; grant "
                     "it in the role's permissions policy (or the caller's) instead",
                     entry.text.value)
              .code("UNSUPPORTED_ACTION_IN_POLICY");
          continue;
        }
        ctx.report(entry.text.range,
                   "Action \"{}\" does not act on {}, so a policy attached to one cannot name it; "
                   "grant it in the policy of a resource it acts on",
                   entry.text.value, resource_name)
            .code("UNSUPPORTED_ACTION_IN_POLICY");
      }
    }
    if (statement.resource && *attached != ast::AttachedResource::kIamAssumeRolePolicyDocument) {
      for (const ast::Resource& resource : statement.resource->entries) {
        if (resource.text.value == "*" || !resource.arn ||
            arn_is_governed(resource.text.value, *attached))
          continue;
        ctx.report(resource.text.range,
                   "Resource \"{}\" is not one that a policy attached to {} governs",
                   resource.text.value, resource_name)
            .code("UNSUPPORTED_RESOURCE_ARN_IN_POLICY");
      }
    }
  }
};

IAMLINT_REGISTER_RULE(OutsideAttachedResource);

}  // namespace
}  // namespace iamlint::rules
