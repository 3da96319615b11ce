// IAM513: a role trust policy that requires a source identity or session tags in a condition but
// allows no one the permissions-only action that sets them (sts:SetSourceIdentity,
// sts:TagSession). STS refuses a request that sets either without that action, so the condition
// can only be met by a request that is refused.
#include <algorithm>
#include <array>

#include "catalog/ascii.h"
#include "condition/operator_family.h"
#include "engine/rule.h"
#include "trust_principals.h"

namespace iamlint::rules {
namespace {

// Keys whose value a caller can only supply with a permissions-only action. Sources: "Monitor and
// control actions taken with assumed roles" (sts:SetSourceIdentity) and "Passing session tags in
// AWS STS" (sts:TagSession) in the IAM User Guide.
struct SessionKey {
  std::string_view key;  // ends in '/' for a family of keys (aws:RequestTag/<tag>)
  std::string_view action;
};
constexpr std::array<SessionKey, 4> kSessionKeys = {{
    {"sts:SourceIdentity", "sts:SetSourceIdentity"},
    {"aws:RequestTag/", "sts:TagSession"},
    {"aws:TagKeys", "sts:TagSession"},
    {"sts:TransitiveTagKeys", "sts:TagSession"},
}};

const SessionKey* session_key(std::string_view key) {
  const auto* it = std::find_if(kSessionKeys.begin(), kSessionKeys.end(), [&](const SessionKey& k) {
    return k.key.ends_with('/')
               ? catalog::starts_with_folded(key, k.key) && key.size() > k.key.size()
               : catalog::equals_folded(key, k.key);
  });
  return it == kSessionKeys.end() ? nullptr : &*it;
}

// Whether the condition can hold only when the request carries the key. Conditions that also
// match an absent key (Null true, ...IfExists, negated operators, ForAllValues) need no action.
bool needs_key(const ast::Condition& condition) {
  const ast::ConditionOperator& op = condition.op;
  if (op.base == "Null") {
    return std::any_of(condition.values.begin(), condition.values.end(),
                       [](const ast::ConditionValue& v) { return v.text == "false"; });
  }
  return !op.if_exists && !operators::is_negated(op) &&
         op.qualifier != ast::SetQualifier::kForAllValues;
}

bool is_allow(const ast::Statement& statement) {
  return statement.effect == ast::Effect::kAllow;
}

class SessionKeyWithoutItsAction final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"correctness", "trust"};
  static constexpr std::string_view kCodes[] = {"MISSING_ACTION_FOR_CONDITION_KEY"};
  static constexpr ast::PolicyKind kKinds[] = {ast::PolicyKind::kTrust};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM513",
      .name = "session-key-without-its-action",
      .level = engine::Level::kError,
      .summary =
          "A trust policy requires a source identity or session tags without allowing the action "
          "that sets them (sts:SetSourceIdentity, sts:TagSession)",
      .tags = kTags,
      .precision = engine::Precision::kHigh,
      .access_analyzer_codes = kCodes,
      .policy_kinds = kKinds,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_policy(const ast::Policy& policy, engine::RuleContext& ctx) const override {
    // The action may sit in another Allow statement, as in AWS's session-tag examples.
    const auto allowed = [&](std::string_view action) {
      return std::any_of(
          policy.statements.begin(), policy.statements.end(),
          [&](const ast::Statement& s) { return is_allow(s) && trust::action_covers(s, action); });
    };
    for (const ast::Statement& statement : policy.statements) {
      if (!is_allow(statement)) continue;
      for (const ast::Condition& condition : statement.conditions) {
        const SessionKey* key = session_key(condition.key.value);
        if (!key || !needs_key(condition) || allowed(key->action)) continue;
        ctx.report(condition.key.range,
                   "\"{}\" has a value only in requests that pass it, and STS accepts those only "
                   "when the trust policy allows \"{}\"; no statement here allows it, so the "
                   "condition never holds for a request STS accepts: add \"{}\" to the Action of "
                   "this statement",
                   condition.key.value, key->action, key->action);
      }
    }
  }
};

IAMLINT_REGISTER_RULE(SessionKeyWithoutItsAction);

}  // namespace
}  // namespace iamlint::rules
