#include "analysis/condition_never_matches.h"

#include <algorithm>
#include <array>

#include <fmt/core.h>

#include "analysis/condition_operators.h"
#include "ast/policy_variable.h"
#include "catalog/ascii.h"
#include "catalog/glob.h"
#include "catalog/key_support.h"

namespace iamlint::analysis {
namespace {

// Keys whose values are ARNs or ids, which never contain `*` or `?` (IAM names, account ids and
// organisation ids allow neither).
struct LiteralKey {
  std::string_view name;   // lower case
  std::string_view holds;  // what the value is, for messages
};

constexpr std::array<LiteralKey, 8> kLiteralKeys = {{
    {"aws:principalarn", "ARN"},
    {"aws:principalaccount", "account id"},
    {"aws:principalorgid", "organisation id"},
    {"aws:sourcearn", "ARN"},
    {"aws:sourceaccount", "account id"},
    {"aws:sourceorgid", "organisation id"},
    {"aws:resourceaccount", "account id"},
    {"aws:resourceorgid", "organisation id"},
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
  if (key == nullptr || (condition.op.if_exists && !catalog::in_every_signed_request(key->name)))
    return std::nullopt;
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
