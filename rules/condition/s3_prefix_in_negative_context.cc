// IAM315: s3:prefix in a Deny statement or under a negated String operator.
#include <string>

#include "catalog/ascii.h"
#include "condition/operator_family.h"
#include "engine/rule.h"

namespace iamlint::rules {
namespace {

constexpr std::string_view kTags[] = {"security", "condition", "s3"};
constexpr std::string_view kCodes[] = {"S3_PREFIX_IN_NEGATIVE_CONTEXT"};

class S3PrefixInNegativeContext final : public engine::Rule {
 public:
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM315",
      .name = "s3-prefix-in-negative-context",
      .level = engine::Level::kWarning,
      .summary =
          "s3:prefix is used in a Deny statement or with a negated operator, which a shorter "
          "prefix bypasses",
      .tags = kTags,
      .precision = engine::Precision::kHigh,
      .security_severity = "5.0",
      .access_analyzer_codes = kCodes,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_condition(const ast::Statement& statement, const ast::Condition& condition,
                       engine::RuleContext& ctx) const override {
    if (!catalog::equals_folded(condition.key.value, "s3:prefix")) return;
    const bool deny = statement.effect == ast::Effect::kDeny;
    const bool negated = operators::is_negated(condition.op);
    if (!deny && !negated) return;
    ctx.report(condition.key.range,
               "s3:prefix {} only covers listings that name that prefix: a request with a shorter "
               "or empty prefix lists the same objects; restrict the objects with an Allow on "
               "s3:prefix instead",
               deny && negated ? "in a Deny with " + std::string(condition.op.text.value)
               : deny          ? std::string("in a Deny statement")
                               : "with " + std::string(condition.op.text.value));
  }
};

IAMLINT_REGISTER_RULE(S3PrefixInNegativeContext);

}  // namespace
}  // namespace iamlint::rules
