#include "analysis/action_scope.h"

#include <algorithm>
#include <cstdint>
#include <vector>

#include "catalog/action_pattern.h"
#include "catalog/glob.h"

namespace iamlint::analysis {
namespace {

using catalog::LetterCase;

bool pattern_contains(std::string_view outer, std::string_view inner) {
  return catalog::glob_contains(outer, inner, LetterCase::kInsensitive);
}

bool patterns_intersect(std::string_view a, std::string_view b) {
  return catalog::glob_intersects(a, b, LetterCase::kInsensitive);
}

// What the catalogue already says about an entry when two scopes' action sets are disjoint.
enum class Known : std::uint8_t {
  kName,     // a plain name of one catalogue action
  kPattern,  // any other entry the catalogue can expand ("s3:Get*", "*", "s3:NewAction")
  kInvalid,  // an entry it cannot ("s4:GetObject", "s3*:Get*"), which still matches as text
};

Known known(const ast::Action& entry) {
  const auto matches = catalog::expand_action_pattern(entry.text.value);
  if (!matches) return Known::kInvalid;
  return !matches->empty() && !catalog::has_wildcard(entry.text.value) ? Known::kName
                                                                       : Known::kPattern;
}

// Whether a plain catalogue name and an entry the catalogue expands can be told apart by their
// action sets alone: the name matches the entry exactly when the entry's expansion holds its
// action. Their pattern comparison then adds nothing to disjoint sets.
bool settled(Known a, Known b) {
  return (a == Known::kName && b != Known::kInvalid) || (b == Known::kName && a != Known::kInvalid);
}

}  // namespace

ActionScope::ActionScope(const ast::Statement& statement, const catalog::ActionSet& expanded)
    : actions_(&expanded) {
  const auto& list = statement.action ? statement.action : statement.not_action;
  negated_ = !statement.action && statement.not_action;
  if (list) entries_ = list->entries;
}

const catalog::ActionSet ActionScope::kNone;

bool ActionScope::matches(std::string_view name) const {
  const bool listed = std::any_of(entries_.begin(), entries_.end(), [&](const ast::Action& entry) {
    return catalog::glob_match_folded(entry.text.value, name);
  });
  return listed != negated_;
}

bool ActionScope::covers(std::string_view pattern) const {
  if (negated_) {
    return std::none_of(entries_.begin(), entries_.end(), [&](const ast::Action& entry) {
      return patterns_intersect(entry.text.value, pattern);
    });
  }
  return std::any_of(entries_.begin(), entries_.end(), [&](const ast::Action& entry) {
    return pattern_contains(entry.text.value, pattern);
  });
}

bool ActionScope::covers(const ActionScope& other) const {
  if (!other.negated_) {
    return std::all_of(other.entries_.begin(), other.entries_.end(),
                       [&](const ast::Action& entry) { return covers(entry.text.value); });
  }
  // Every action but the other's exclusions: only "every action but a subset of those" covers it.
  if (!negated_) return covers("*");
  return std::all_of(entries_.begin(), entries_.end(), [&](const ast::Action& mine) {
    return std::any_of(other.entries_.begin(), other.entries_.end(),
                       [&](const ast::Action& theirs) {
                         return pattern_contains(theirs.text.value, mine.text.value);
                       });
  });
}

bool ActionScope::overlaps(const ActionScope& other) const {
  // A catalogue action in both settles it with word operations. Only scopes that share none
  // compare their patterns, for the actions the catalogue does not know yet, and only the pairs
  // that the catalogue does not settle (settled() above).
  if (actions().intersects(other.actions())) return true;
  if (negated_ || other.negated_) {
    // A NotAction scope holds all but finitely many patterns' actions: it meets any scope that
    // is not wholly inside its exclusions.
    const ActionScope& all_but = negated_ ? *this : other;
    const ActionScope& rest = negated_ ? other : *this;
    if (rest.negated_) return true;
    return std::any_of(rest.entries_.begin(), rest.entries_.end(), [&](const ast::Action& entry) {
      // A catalogue name outside the NotAction scope's actions is inside one of its valid
      // exclusions.
      if (known(entry) == Known::kName) return false;
      return std::none_of(all_but.entries_.begin(), all_but.entries_.end(),
                          [&](const ast::Action& excluded) {
                            return pattern_contains(excluded.text.value, entry.text.value);
                          });
    });
  }
  std::vector<Known> theirs_known;
  theirs_known.reserve(other.entries_.size());
  for (const ast::Action& theirs : other.entries_) theirs_known.push_back(known(theirs));
  return std::any_of(entries_.begin(), entries_.end(), [&](const ast::Action& mine) {
    const Known mine_known = known(mine);
    for (std::size_t i = 0; i < other.entries_.size(); ++i) {
      if (!settled(mine_known, theirs_known[i]) &&
          patterns_intersect(mine.text.value, other.entries_[i].text.value))
        return true;
    }
    return false;
  });
}

}  // namespace iamlint::analysis
