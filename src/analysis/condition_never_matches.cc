#include "analysis/condition_never_matches.h"

#include <algorithm>
#include <array>

#include <fmt/core.h>

#include "analysis/condition_operators.h"
#include "ast/policy_variable.h"
#include "catalog/ascii.h"
#include "catalog/glob.h"

namespace iamlint::analysis {
namespace {

// Keys whose values are ARNs or ids, which never contain `*` or `?` (IAM names, account ids and
// organisation ids allow neither), with whether every request of an IAM principal carries them.
struct LiteralKey {
  std::string_view name;   // lower case
  std::string_view holds;  // what the value is, for messages
  bool always_present;
};

constexpr std::array<LiteralKey, 8> kLiteralKeys = {{
    {"aws:principalarn", "ARN", true},
    {"aws:principalaccount", "account id", true},
    {"aws:principalorgid", "organisation id", false},
    {"aws:sourcearn", "ARN", false},
    {"aws:sourceaccount", "account id", false},
    {"aws:sourceorgid", "organisation id", false},
    {"aws:resourceaccount", "account id", true},
    {"aws:resourceorgid", "organisation id", false},
}};

const LiteralKey* find_literal_key(std::string_view key) {
  const std::string folded = catalog::to_folded(key);
  const auto* it = std::find_if(kLiteralKeys.begin(), kLiteralKeys.end(),
                                [&](const LiteralKey& k) { return k.name == folded; });
  return it == kLiteralKeys.end() ? nullptr : &*it;
}

bool holds_wildcard(const ast::ConditionValue& value) {
  // ${*} and ${?} are how a policy writes a literal * or ?, not wildcards.
  return catalog::has_wildcard(ast::policy_variable::without_variables(value.text));
}

}  // namespace

std::optional<std::string> never_matches(const ast::Condition& condition) {
  const operators::OperatorInfo* op = operators::find(condition.op.base);
  if (op == nullptr || op->family != operators::Family::kString || op->like || op->negated)
    return std::nullopt;
  // ForAllValues holds for a request without the key.
  if (condition.op.qualifier == ast::SetQualifier::kForAllValues || condition.values.empty())
    return std::nullopt;
  const LiteralKey* key = find_literal_key(condition.key.value);
  if (key == nullptr || (condition.op.if_exists && !key->always_present)) return std::nullopt;
  if (!std::all_of(condition.values.begin(), condition.values.end(), holds_wildcard))
    return std::nullopt;
  return fmt::format(
      "{} compares {} literally with {}\"{}\", and no {} holds a '*' or '?', so the condition "
      "never holds ({} matches patterns)",
      condition.op.text.value, condition.key.value,
      condition.values.size() > 1 ? "patterns like " : "", condition.values.front().text,
      key->holds, key->holds == "ARN" ? "ArnLike" : "StringLike");
}

}  // namespace iamlint::analysis
