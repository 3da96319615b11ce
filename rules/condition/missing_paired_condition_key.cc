// IAM317: aws:VpcSourceIp without aws:SourceVpc in the same Condition.
#include <algorithm>

#include "catalog/ascii.h"
#include "engine/rule.h"

namespace iamlint::rules {
namespace {

bool names(const ast::Condition& condition, std::string_view key) {
  return catalog::equals_folded(condition.key.value, key);
}

class MissingPairedConditionKey final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"security", "condition", "network"};
  static constexpr std::string_view kCodes[] = {"MISSING_PAIRED_CONDITION_KEYS"};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM317",
      .name = "missing-paired-condition-key",
      .level = engine::Level::kWarning,
      .summary =
          "aws:VpcSourceIp is used without aws:SourceVpc, so the address may belong to any VPC",
      .tags = kTags,
      .precision = engine::Precision::kHigh,
      .security_severity = "5.0",
      .access_analyzer_codes = kCodes,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_statement(const ast::Statement& statement, engine::RuleContext& ctx) const override {
    const auto& conditions = statement.conditions;
    if (std::any_of(conditions.begin(), conditions.end(),
                    [](const ast::Condition& c) { return names(c, "aws:SourceVpc"); })) {
      return;
    }
    for (const ast::Condition& condition : conditions) {
      if (!names(condition, "aws:VpcSourceIp")) continue;
      ctx.report(condition.key.range,
                 "aws:VpcSourceIp matches the private address in any VPC, including other "
                 "accounts' VPCs with overlapping ranges; add an aws:SourceVpc condition naming "
                 "your VPC");
    }
  }
};

IAMLINT_REGISTER_RULE(MissingPairedConditionKey);

}  // namespace
}  // namespace iamlint::rules
