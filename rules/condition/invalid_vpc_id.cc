// IAM318: an aws:SourceVpc or aws:SourceVpce value that is not a VPC or VPC endpoint ID.
#include <re2/re2.h>

#include "ast/policy_variable.h"
#include "catalog/ascii.h"
#include "catalog/glob.h"
#include "engine/rule.h"

namespace iamlint::rules {
namespace {

class InvalidVpcId final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"correctness", "condition", "network"};
  static constexpr std::string_view kCodes[] = {"INVALID_VPC_FORMAT", "INVALID_VPCE_FORMAT"};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM318",
      .name = "invalid-vpc-id",
      .level = engine::Level::kError,
      .summary = "An aws:SourceVpc or aws:SourceVpce value is not a VPC or VPC endpoint ID",
      .tags = kTags,
      .precision = engine::Precision::kHigh,
      .access_analyzer_codes = kCodes,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_condition(const ast::Statement&, const ast::Condition& condition,
                       engine::RuleContext& ctx) const override {
    const bool vpce = catalog::equals_folded(condition.key.value, "aws:SourceVpce");
    if (!vpce && !catalog::equals_folded(condition.key.value, "aws:SourceVpc")) return;
    // Compiled on the first VPC key, not on the first condition of any policy.
    static const re2::RE2 kVpc("vpc-([a-zA-Z0-9]{8}|[a-zA-Z0-9]{17})");
    static const re2::RE2 kVpce("vpce-([a-zA-Z0-9]{8}|[a-zA-Z0-9]{17})");
    for (const ast::ConditionValue& value : condition.values) {
      // Patterns and variables stand for IDs only known at request time.
      if (catalog::has_wildcard(value.text) ||
          !ast::policy_variable::find_variables(value.text).empty())
        continue;
      if (re2::RE2::FullMatch(value.text, vpce ? kVpce : kVpc)) continue;
      ctx.report(value.range,
                 "\"{}\" is not a VPC{} ID; write \"{}\" followed by 8 or 17 letters and digits",
                 value.text, vpce ? " endpoint" : "", vpce ? "vpce-" : "vpc-")
          .code(vpce ? "INVALID_VPCE_FORMAT" : "INVALID_VPC_FORMAT");
    }
  }
};

IAMLINT_REGISTER_RULE(InvalidVpcId);

}  // namespace
}  // namespace iamlint::rules
