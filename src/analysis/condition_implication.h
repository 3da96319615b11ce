// Comparing conditions: whether every request that satisfies one set of conditions satisfies
// another, which is what "no new access" asks of a changed statement (its new conditions must be
// no wider than the old ones) and of a changed Deny (its new conditions must apply at least
// wherever the old ones did).
//
// Two conditions are compared only when they test the same key with operators of the same family,
// negation and set qualifier: string equality and wildcard matching (catalog/glob.h), ARN
// patterns field by field, IP ranges (ip_range.h), numeric and date bounds, Bool, Null and Binary.
// Anything else — unrelated keys, an operator of another family, a value that does not parse — is
// undecided, never implied: callers that must be trustworthy treat it as "may be wider".
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "ast/policy.h"

namespace iamlint::analysis {

enum class Implication : uint8_t {
  kImplied,     // shown: every request that satisfies the first satisfies the second
  kNotImplied,  // shown not to, or the second has no counterpart at all (a removed condition)
  kUndecided,   // the comparison cannot tell (different operators or keys, unparsable values)
};

// Orders verdicts from best to worst. Undecided is worse than not implied only in that it needs
// saying: both mean "may be wider".
[[nodiscard]] constexpr int rank(Implication verdict) {
  switch (verdict) {
    case Implication::kImplied:
      return 0;
    case Implication::kNotImplied:
      return 1;
    case Implication::kUndecided:
      return 2;
  }
  return 2;
}

// Whether every request that satisfies `narrower` also satisfies `wider`. Both test the same key
// (case-insensitively); for different keys the answer is kUndecided.
[[nodiscard]] Implication implies(const ast::Condition& narrower, const ast::Condition& wider);

// One condition of the wider set that the narrower set was not shown to imply.
struct ConditionGap {
  const ast::Condition* wider = nullptr;
  // The narrower set's condition on the same key that came closest (an undecided comparison
  // before a failed one); nullptr when the narrower set does not test the key.
  const ast::Condition* nearest = nullptr;
  Implication verdict = Implication::kNotImplied;  // kNotImplied or kUndecided
};

struct SetImplication {
  Implication verdict = Implication::kImplied;  // the worst over `gaps`: undecided beats not
  std::vector<ConditionGap> gaps;
};

// Whether every request that satisfies all of `narrower` satisfies all of `wider` (the conditions
// of a statement are ANDed). A condition of `wider` on a key that `narrower` does not test is not
// implied — unless `narrower` tests some key `wider` does not, which might imply it in ways this
// comparison cannot see (a Region and a VPC endpoint): then it is undecided.
[[nodiscard]] SetImplication implies_all(std::span<const ast::Condition> narrower,
                                         std::span<const ast::Condition> wider);

// For messages: "condition StringEquals aws:SourceVpce "vpce-1" is gone", "... is widened to
// StringLike aws:SourceVpce "vpce-*"", "... cannot be compared with ...".
[[nodiscard]] std::string describe_gap(const ConditionGap& gap);

}  // namespace iamlint::analysis
