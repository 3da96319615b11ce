// IAM320: a Region condition key compared with a name that is no AWS Region.
#include <algorithm>
#include <string>
#include <vector>

#include "ast/policy_variable.h"
#include "catalog/ascii.h"
#include "catalog/glob.h"
#include "catalog/lists.h"
#include "condition/operator_family.h"
#include "engine/rule.h"

namespace iamlint::rules {
namespace {

// Keys whose values are Region names: the global key and EC2's service key.
bool is_region_key(std::string_view key) {
  return catalog::equals_folded(key, "aws:RequestedRegion") ||
         catalog::equals_folded(key, "ec2:Region");
}

bool matches_some_region(std::string_view pattern) {
  for (std::string_view partition : catalog::partitions()) {
    std::vector<std::string_view> regions = catalog::regions_of(partition);
    if (std::any_of(regions.begin(), regions.end(), [&](std::string_view region) {
          return catalog::glob_match_folded(pattern, region);
        })) {
      return true;
    }
  }
  return false;
}

class InvalidRegionInCondition final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"correctness", "condition"};
  static constexpr std::string_view kCodes[] = {"INVALID_REGION"};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM320",
      .name = "invalid-region-in-condition",
      .level = engine::Level::kError,
      .summary = "A Region condition key is compared with a name that is not an AWS Region",
      .tags = kTags,
      .precision = engine::Precision::kHigh,
      .access_analyzer_codes = kCodes,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_condition(const ast::Statement&, const ast::Condition& condition,
                       engine::RuleContext& ctx) const override {
    if (operators::family_of(condition.op) != operators::Family::kString ||
        !is_region_key(condition.key.value)) {
      return;
    }
    const bool like = operators::is_like(condition.op);
    for (const ast::ConditionValue& value : condition.values) {
      std::string_view text = value.text;
      if (text.empty() || ast::policy_variable::has_lookup(text)) continue;
      if (catalog::partition_of_region(text)) continue;
      if (like && catalog::has_wildcard(text) && matches_some_region(text)) continue;
      if (!like && catalog::has_wildcard(text)) continue;  // IAM312 reports the wildcard
      ctx.report(value.range,
                 "\"{}\" is not an AWS Region; write a Region name such as \"us-east-1\"", text);
    }
  }
};

IAMLINT_REGISTER_RULE(InvalidRegionInCondition);

}  // namespace
}  // namespace iamlint::rules
