// IAM315: s3:prefix where a shorter prefix escapes the condition: a Deny with a positive operator
// or an Allow with a negated one. A Deny with a negated operator ("deny every listing whose prefix
// is not home/alice/") is the safe double negative: a shorter or empty prefix is denied too.
#include <string>

#include "catalog/ascii.h"
#include "condition/operator_family.h"
#include "engine/rule.h"

namespace iamlint::rules {
namespace {

class S3PrefixInNegativeContext final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"security", "condition", "s3"};
  static constexpr std::string_view kCodes[] = {"S3_PREFIX_IN_NEGATIVE_CONTEXT"};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM315",
      .name = "s3-prefix-in-negative-context",
      .level = engine::Level::kWarning,
      .summary =
          "s3:prefix is matched positively in a Deny, or negatively in an Allow, which a shorter "
          "prefix bypasses",
      .tags = kTags,
      .precision = engine::Precision::kHigh,
      .security_severity = "5.0",
      .access_analyzer_codes = kCodes,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_condition(const ast::Statement& statement, const ast::Condition& condition,
                       engine::RuleContext& ctx) const override {
    if (!catalog::equals_folded(condition.key.value, "s3:prefix") ||
        operators::family_of(condition.op) == operators::Family::kNull)
      return;
    const bool deny = statement.effect == ast::Effect::kDeny;
    // Deny + negated denies every prefix but the listed ones, the empty prefix included.
    if (deny == operators::is_negated(condition.op)) return;
    ctx.report(condition.key.range,
               "s3:prefix {} only covers listings that name that prefix: a request with a shorter "
               "or empty prefix lists the same objects; {}",
               deny ? "in a Deny with " + std::string(condition.op.text.value)
                    : "in an Allow with " + std::string(condition.op.text.value),
               deny ? "deny the listings whose prefix is not allowed instead (StringNotLike in the "
                      "Deny), or allow only the permitted prefixes"
                    : "allow only the permitted prefixes with StringLike or StringEquals instead");
  }
};

IAMLINT_REGISTER_RULE(S3PrefixInNegativeContext);

}  // namespace
}  // namespace iamlint::rules
