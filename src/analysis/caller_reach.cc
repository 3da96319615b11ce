#include "analysis/caller_reach.h"

#include <algorithm>
#include <array>

#include "analysis/condition_operators.h"
#include "analysis/resource_scope.h"
#include "catalog/ascii.h"
#include "catalog/glob.h"
#include "catalog/key_support.h"

namespace iamlint::analysis {
namespace {

// What each class of caller looks like to the keys that name it. A role session's
// aws:PrincipalArn is its role's ARN; aws:PrincipalType says "AssumedRole".
struct CallerClass {
  std::string_view arn_pattern;
  std::string_view principal_type;
};

constexpr std::array<CallerClass, 3> kClasses = {{
    {"arn:aws:iam::*:root", "Account"},
    {"arn:aws:iam::*:user/*", "User"},
    {"arn:aws:iam::*:role/*", "AssumedRole"},
}};

// Whether every request of the callers judged here carries the key, so that a negated test whose
// values match anything lets every caller go. They are principals of an organisation's member
// accounts (SCPs and RCPs apply nowhere else), so their requests are signed and carry
// aws:PrincipalOrgID too.
bool carried_by_every_caller(std::string_view folded_key) {
  return catalog::in_every_signed_request(folded_key) || folded_key == "aws:principalorgid";
}

constexpr std::array<std::string_view, 10> kCallerKeys = {"aws:principalarn",
                                                          "aws:principaltype",
                                                          "aws:userid",
                                                          "aws:username",
                                                          "aws:principalaccount",
                                                          "aws:principalorgid",
                                                          "aws:principalorgpaths",
                                                          "aws:principalisawsservice",
                                                          "aws:principalservicename",
                                                          "aws:principalservicenameslist"};

bool is_one_of(std::string_view folded, std::span<const std::string_view> keys) {
  return std::find(keys.begin(), keys.end(), folded) != keys.end();
}

// How a pattern value of the condition relates to a class of ARNs.
enum class Overlap : std::uint8_t { kNone, kSome, kAll };

Overlap arn_overlap(const ast::Condition& condition, std::string_view value,
                    std::string_view class_pattern) {
  const operators::OperatorInfo* op = operators::find(condition.op.base);
  const bool arn_family = op->family == operators::Family::kArn;
  const auto letter_case = condition.op.base.ends_with("IgnoreCase")
                               ? catalog::LetterCase::kInsensitive
                               : catalog::LetterCase::kSensitive;
  if (!op->like) {
    // A literal comparison: the value is one ARN, never a whole class, and no ARN holds a
    // wildcard character (see condition_never_matches.h).
    if (catalog::has_wildcard(value)) return Overlap::kNone;
    return catalog::glob_match_folded(class_pattern, value) ? Overlap::kSome : Overlap::kNone;
  }
  const bool contains = arn_family ? resource_contains(value, class_pattern)
                                   : catalog::glob_contains(value, class_pattern, letter_case);
  if (contains) return Overlap::kAll;
  // Principal ARNs have no colon in their account or name, so whether a value meets a class is
  // decided field by field for String operators too (a StringLike `*` could otherwise carry
  // `arn:aws:iam::*:root` across the fields of a role's ARN).
  return resources_intersect(value, class_pattern) ? Overlap::kSome : Overlap::kNone;
}

// The widest overlap of any of the condition's values with the class.
Overlap widest(const ast::Condition& condition, auto overlap_of) {
  Overlap best = Overlap::kNone;
  for (const ast::ConditionValue& value : condition.values)
    best = std::max(best, overlap_of(value.text));
  return best;
}

// A positive test holds for the callers its values name; a negated one for the others.
Reach reach_from(Overlap overlap, bool negated) {
  if (!negated) {
    switch (overlap) {
      case Overlap::kAll:
        return Reach::kAll;
      case Overlap::kSome:
        return Reach::kSome;
      case Overlap::kNone:
        return Reach::kNone;
    }
  }
  switch (overlap) {
    case Overlap::kAll:
      return Reach::kNone;
    case Overlap::kSome:
      return Reach::kAllButNamed;
    case Overlap::kNone:
      return Reach::kAll;
  }
  return Reach::kAll;
}

Reach class_reach(const ast::Condition& condition, const CallerClass& caller,
                  std::string_view folded_key, bool negated) {
  if (folded_key == "aws:principalarn") {
    return reach_from(widest(condition,
                             [&](std::string_view value) {
                               return arn_overlap(condition, value, caller.arn_pattern);
                             }),
                      negated);
  }
  if (folded_key == "aws:principaltype") {
    const bool like = operators::is_like(condition.op);
    return reach_from(widest(condition,
                             [&](std::string_view value) {
                               const bool match =
                                   like ? catalog::glob_match_folded(value, caller.principal_type)
                                        : value == caller.principal_type;
                               return match ? Overlap::kAll : Overlap::kNone;
                             }),
                      negated);
  }
  if (folded_key == "aws:principalisawsservice") {
    // Users, roles and the root user are not AWS services: `true` names none of them.
    return reach_from(widest(condition,
                             [](std::string_view value) {
                               return catalog::equals_folded(value, "false") ? Overlap::kAll
                                                                             : Overlap::kNone;
                             }),
                      negated);
  }
  // Any other key names callers by attributes (account, tag, user name): a value that is all
  // wildcards names every caller that carries the key, any other value some of them.
  const bool everything =
      operators::is_like(condition.op) &&
      std::any_of(condition.values.begin(), condition.values.end(),
                  [](const ast::ConditionValue& v) { return catalog::only_wildcards(v.text); });
  if (everything && negated && !carried_by_every_caller(folded_key)) return Reach::kAllButNamed;
  return reach_from(everything ? Overlap::kAll : Overlap::kSome, negated);
}

}  // namespace

std::string_view caller_name(Caller caller) {
  switch (caller) {
    case Caller::kRoot:
      return "the root user";
    case Caller::kUser:
      return "every IAM user";
    case Caller::kRole:
      return "every role";
  }
  return "";
}

bool tests_caller(const ast::Condition& condition) {
  const std::string folded = catalog::to_folded(condition.key.value);
  return is_one_of(folded, kCallerKeys) || folded.starts_with("aws:principaltag/");
}

bool is_exemption(const ast::Condition& condition) {
  return tests_caller(condition) && operators::is_negated(condition.op);
}

CallerReach caller_reach(const ast::Condition& condition) {
  CallerReach reach;
  const operators::OperatorInfo* op = operators::find(condition.op.base);
  // An operator IAM does not know is an error of its own; a Null test asks whether the key is
  // there, which it is for every IAM principal.
  if (op == nullptr || op->family == operators::Family::kNull || condition.values.empty() ||
      !tests_caller(condition)) {
    return reach;
  }
  const std::string folded = catalog::to_folded(condition.key.value);
  for (Caller caller : kCallers) {
    reach.by_caller[static_cast<std::size_t>(caller)] =
        class_reach(condition, kClasses[static_cast<std::size_t>(caller)], folded, op->negated);
  }
  return reach;
}

CallerReach caller_reach(const ast::Statement& statement) {
  CallerReach reach;
  for (const ast::Condition& condition : statement.conditions) {
    const CallerReach one = caller_reach(condition);
    for (std::size_t i = 0; i < reach.by_caller.size(); ++i)
      reach.by_caller[i] = std::min(reach.by_caller[i], one.by_caller[i]);
  }
  return reach;
}

}  // namespace iamlint::analysis
