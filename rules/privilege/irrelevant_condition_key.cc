// IAM254: with --resource-type, a condition key that says nothing in a policy attached to that
// resource, such as s3:ResourceAccount in a bucket policy (the bucket's account is the policy's).
#include <algorithm>

#include "catalog/ascii.h"
#include "engine/rule.h"

namespace iamlint::rules {
namespace {

struct IrrelevantKey {
  ast::AttachedResource resource;
  std::string_view key;
  std::string_view why;
};

// Access Analyzer documents only the S3 case; each entry here is one AWS states.
constexpr IrrelevantKey kIrrelevantKeys[] = {
    {ast::AttachedResource::kS3Bucket, "s3:ResourceAccount",
     "the bucket is always in the policy's own account"},
    {ast::AttachedResource::kS3AccessPoint, "s3:ResourceAccount",
     "the access point is always in the policy's own account"},
    {ast::AttachedResource::kS3MultiRegionAccessPoint, "s3:ResourceAccount",
     "the access point is always in the policy's own account"},
};

class IrrelevantConditionKey final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"best-practice"};
  static constexpr std::string_view kCodes[] = {"IRRELEVANT_CONDITION_KEY_IN_POLICY"};
  static constexpr ast::PolicyKind kKinds[] = {ast::PolicyKind::kResource};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM254",
      .name = "irrelevant-condition-key",
      .level = engine::Level::kNote,
      .summary =
          "A condition key tells nothing in a policy attached to this resource type "
          "(--resource-type)",
      .tags = kTags,
      .precision = engine::Precision::kHigh,
      .access_analyzer_codes = kCodes,
      .policy_kinds = kKinds,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_condition(const ast::Statement& /*statement*/, const ast::Condition& condition,
                       engine::RuleContext& ctx) const override {
    const auto& attached = ctx.policy().attached_to;
    if (!attached) return;
    for (const IrrelevantKey& entry : kIrrelevantKeys) {
      if (entry.resource != *attached || !catalog::equals_folded(condition.key.value, entry.key))
        continue;
      ctx.report(condition.key.range,
                 "{} tells nothing in a policy attached to {}: {}; remove the condition",
                 condition.key.value, ast::attached_resource_name(*attached), entry.why);
    }
  }
};

IAMLINT_REGISTER_RULE(IrrelevantConditionKey);

}  // namespace
}  // namespace iamlint::rules
