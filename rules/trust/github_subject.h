// What a trust statement's conditions on the GitHub OIDC subject claim
// ("token.actions.githubusercontent.com:sub") let through, shared by IAM505 (no repository
// constraint) and IAM506 (a wildcard within one owner's repositories).
#pragma once

#include <string_view>

#include "ast/policy.h"
#include "condition/operator_family.h"
#include "trust_principals.h"

namespace iamlint::rules::trust {

// Whether a sub pattern leaves the repository's owner open, so that anyone can create a
// repository it matches: a wildcard before the owner is fixed ("*", "repo:*", "repo:my-org*/app").
// The default claim is "repo:<owner>/<repo>:..."; for a customised claim that does not start with
// "repo:", the owner is open when the claim's first field is a wildcard.
[[nodiscard]] inline bool subject_owner_open(std::string_view pattern) {
  const std::size_t wildcard = pattern.find_first_of("*?");
  if (wildcard == std::string_view::npos) return false;
  constexpr std::string_view kRepo = "repo:";
  if (!pattern.starts_with(kRepo)) return wildcard < pattern.find(':');
  const std::size_t slash = pattern.find('/', kRepo.size());
  return slash == std::string_view::npos || wildcard < slash || slash == kRepo.size();
}

enum class SubjectScope : uint8_t {
  kMissing,        // no condition tests the sub claim
  kAnyRepository,  // every sub condition leaves the owner open, or only excludes subjects
  kConstrained,    // a sub condition fixes the owner (or compares literally)
};

struct GithubSubject {
  SubjectScope scope = SubjectScope::kMissing;
  // A positive literal condition (StringEquals) pins the subject: patterns beside it widen nothing.
  bool literal = false;
  // For kAnyRepository: the first value that leaves the owner open, if a pattern does.
  const ast::ConditionValue* open_value = nullptr;
};

// Conditions on one key hold together, so one that fixes the owner is enough. A literal operator
// (StringEquals) constrains whatever its values: a wildcard in them matches only itself, which
// wildcard-without-like-operator reports. A negated operator only excludes subjects.
[[nodiscard]] inline GithubSubject github_subject(const ast::Statement& statement,
                                                  std::string_view host) {
  GithubSubject out;
  for (const ast::Condition& condition : statement.conditions) {
    if (condition.op.base == "Null" || !is_claim_key(condition.key.value, host, "sub")) continue;
    if (out.scope == SubjectScope::kMissing) out.scope = SubjectScope::kAnyRepository;
    if (operators::is_negated(condition.op)) continue;
    const ast::ConditionValue* open = nullptr;
    if (!operators::is_like(condition.op)) {
      out.literal = true;
    } else {
      for (const ast::ConditionValue& value : condition.values) {
        if (subject_owner_open(value.text)) {
          open = &value;
          break;
        }
      }
    }
    if (open == nullptr) {
      out.scope = SubjectScope::kConstrained;
    } else if (out.scope != SubjectScope::kConstrained && out.open_value == nullptr) {
      out.open_value = open;
    }
  }
  if (out.scope == SubjectScope::kConstrained) out.open_value = nullptr;
  return out;
}

}  // namespace iamlint::rules::trust
