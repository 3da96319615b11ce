// IAM361: an MFA condition that requests signed with long-term access keys slip past. Those
// requests carry neither aws:MultiFactorAuthPresent nor aws:MultiFactorAuthAge, so a Deny that
// tests for "no MFA" without IfExists never applies to them, and an Allow that requires MFA with
// IfExists is satisfied by them.
#include <algorithm>
#include <optional>
#include <string>

#include <fmt/core.h>

#include "catalog/ascii.h"
#include "condition/operator_family.h"
#include "engine/fix_edits.h"
#include "engine/rule.h"

namespace iamlint::rules {
namespace {

enum class MfaKey { kNone, kPresent, kAge };

MfaKey mfa_key_of(std::string_view key) {
  if (catalog::equals_folded(key, "aws:multifactorauthpresent")) return MfaKey::kPresent;
  if (catalog::equals_folded(key, "aws:multifactorauthage")) return MfaKey::kAge;
  return MfaKey::kNone;
}

bool has_value(const ast::Condition& condition, std::string_view value) {
  return std::any_of(
      condition.values.begin(), condition.values.end(),
      [&](const ast::ConditionValue& v) { return catalog::equals_folded(v.text, value); });
}

// The condition holds when MFA is missing or stale: Bool "false", or an age above a bound.
bool tests_for_no_mfa(const ast::Condition& condition, MfaKey key) {
  if (key == MfaKey::kPresent) return condition.op.base == "Bool" && has_value(condition, "false");
  return condition.op.base == "NumericGreaterThan" ||
         condition.op.base == "NumericGreaterThanEquals";
}

// The condition holds when MFA was used: Bool "true", or an age below a bound.
bool tests_for_mfa(const ast::Condition& condition, MfaKey key) {
  if (key == MfaKey::kPresent) return condition.op.base == "Bool" && has_value(condition, "true");
  return condition.op.base == "NumericLessThan" || condition.op.base == "NumericLessThanEquals";
}

// Renames the condition's operator to `name`. Unsafe: the statement then applies to, or is denied
// to, requests it did not cover. Offered only when the rename changes this condition alone: the
// operator holds no other key, and the Condition has no operator of that name to collide with.
std::optional<engine::Fix> rename_operator(const ast::Condition& condition, std::string name,
                                           const json::Document& doc) {
  const json::Node& op = doc.node(condition.op.text.node);
  if (op.child_count != 1 || doc.find_member(op.parent, name) != json::kNoNode) return std::nullopt;
  return engine::Fix{
      .description = fmt::format("Replace \"{}\" with \"{}\"", condition.op.text.value, name),
      .edits = {engine::replace_string(condition.op.text.range, name)},
      .safe = false};
}

class MfaConditionMissesLongTermKeys final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"security", "condition", "mfa"};
  static constexpr engine::Equivalent kEquivalents[] = {
      {"Parliament", "BAD_PATTERN_FOR_MFA"},
      {"iam-validator", "ifexists_condition_usage"},
  };
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM361",
      .name = "mfa-condition-misses-long-term-keys",
      .level = engine::Level::kWarning,
      .summary =
          "An MFA condition lets requests signed with long-term access keys through: a "
          "Deny without IfExists, or an Allow with it",
      .tags = kTags,
      .precision = engine::Precision::kVeryHigh,
      .security_severity = "7.0",
      .equivalents = kEquivalents,
      .fixable = true,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_condition(const ast::Statement& statement, const ast::Condition& condition,
                       engine::RuleContext& ctx) const override {
    const MfaKey key = mfa_key_of(condition.key.value);
    if (key == MfaKey::kNone || condition.op.qualifier != ast::SetQualifier::kNone) return;
    if (statement.effect == ast::Effect::kDeny && !condition.op.if_exists &&
        tests_for_no_mfa(condition, key)) {
      auto reported = ctx.report(
          condition.op.text.range,
          "requests signed with long-term access keys carry no \"{}\", so \"{}\" is false "
          "for them and this Deny never applies to them; write \"{}IfExists\" to deny every "
          "request without MFA",
          condition.key.value, condition.op.text.value, condition.op.base);
      reported.related(condition.key.range, "the MFA condition key");
      auto fix =
          rename_operator(condition, fmt::format("{}IfExists", condition.op.base), ctx.json());
      if (fix) reported.fix(std::move(*fix));
    } else if (statement.allows() && condition.op.if_exists && tests_for_mfa(condition, key)) {
      auto reported = ctx.report(
          condition.op.text.range,
          "\"{}\" also holds for requests without \"{}\", which is every request signed "
          "with long-term access keys, so this Allow does not require MFA for them; write "
          "\"{}\"",
          condition.op.text.value, condition.key.value, condition.op.base);
      reported.related(condition.key.range, "the MFA condition key");
      auto fix = rename_operator(condition, std::string(condition.op.base), ctx.json());
      if (fix) reported.fix(std::move(*fix));
    }
  }
};

IAMLINT_REGISTER_RULE(MfaConditionMissesLongTermKeys);

}  // namespace
}  // namespace iamlint::rules
