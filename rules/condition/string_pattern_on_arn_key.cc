// IAM356: StringLike or StringNotLike with a wildcard pattern on an ARN-typed condition key, where
// `*` also matches across the ARN's colons; ArnLike matches each ARN field on its own. Only the
// direction in which a broader match loosens the statement is a risk.
#include <algorithm>
#include <string>

#include "catalog/ascii.h"
#include "catalog/condition_key.h"
#include "condition/operator_family.h"
#include "engine/rule.h"

namespace iamlint::rules {
namespace {

// A pattern that matches more widens an Allow with StringLike (it grants to more) and a Deny with
// StringNotLike (more requests escape it). In a Deny with StringLike, or an Allow with
// StringNotLike, it only makes the statement stricter, as in AWS's SCP that denies the root user
// with "StringLike": {"aws:PrincipalArn": "arn:aws:iam::*:root"}.
bool wider_match_loosens(const ast::Statement& statement, const ast::ConditionOperator& op) {
  const bool negated = operators::is_negated(op);
  return statement.effect == ast::Effect::kAllow
             ? !negated
             : statement.effect == ast::Effect::kDeny && negated;
}

// IAM and STS principal ARNs (arn:aws:iam::111122223333:role/path/name, arn:aws:sts::...:
// assumed-role/name/session) have no colon after their account field. In a pattern that writes
// all five of the ARN's colons, no wildcard can take one, so it matches the same principals under
// StringLike as under ArnLike, as AWS's SCP exempting "arn:aws:iam::*:role/AdminRole" does.
bool keeps_principal_arn_fields(std::string_view key, std::string_view pattern) {
  return catalog::equals_folded(key, "aws:PrincipalArn") &&
         std::count(pattern.begin(), pattern.end(), ':') >= 5;
}

class StringPatternOnArnKey final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"security", "condition"};
  static constexpr std::string_view kCodes[] = {"STRING_LIKE_OPERATOR_WITH_ARN_CONDITION_KEYS"};
  static constexpr engine::Equivalent kEquivalents[] = {
      {"Parliament", "MISMATCHED_TYPE_BUT_USABLE"}};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM356",
      .name = "string-pattern-on-arn-key",
      .level = engine::Level::kWarning,
      .summary =
          "A StringLike pattern in an Allow, or a StringNotLike pattern in a Deny, is matched "
          "against an ARN condition key, where its wildcards cross ARN fields",
      .tags = kTags,
      .precision = engine::Precision::kHigh,
      .security_severity = "4.0",
      .access_analyzer_codes = kCodes,
      .equivalents = kEquivalents,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_condition(const ast::Statement& statement, const ast::Condition& condition,
                       engine::RuleContext& ctx) const override {
    if (operators::family_of(condition.op) != operators::Family::kString ||
        !operators::is_like(condition.op) || !wider_match_loosens(statement, condition.op))
      return;
    const bool patterned = std::any_of(
        condition.values.begin(), condition.values.end(), [&](const ast::ConditionValue& v) {
          return v.text.find_first_of("*?") != std::string_view::npos &&
                 !keeps_principal_arn_fields(condition.key.value, v.text);
        });
    if (!patterned) return;
    std::optional<catalog::ConditionKey> known = catalog::find_condition_key(condition.key.value);
    if (!known || known->type() != catalog::KeyType::kArn) return;
    const bool negated = operators::is_negated(condition.op);
    ctx.report(condition.key.range,
               "\"{}\" holds ARNs, and under {} a `*` also matches `:`, so the pattern can match "
               "ARNs of other accounts, Regions or services, {}; write \"{}{}{}\"",
               condition.key.value, condition.op.base,
               negated ? "which then escape this Deny" : "which this Allow then admits",
               condition.op.qualifier == ast::SetQualifier::kForAllValues  ? "ForAllValues:"
               : condition.op.qualifier == ast::SetQualifier::kForAnyValue ? "ForAnyValue:"
                                                                           : "",
               negated ? "ArnNotLike" : "ArnLike", condition.op.if_exists ? "IfExists" : "")
        .related(condition.op.text.range, "the String operator");
  }
};

IAMLINT_REGISTER_RULE(StringPatternOnArnKey);

}  // namespace
}  // namespace iamlint::rules
