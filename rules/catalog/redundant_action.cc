// IAM153: an Action (or NotAction) entry whose every action another entry of the same list already
// names, e.g. "iam:GetCredentialReport" next to "iam:Get*". Judged on the catalogue's action sets,
// whole entries only; entries the catalogue does not know are never called redundant. A wildcard
// entry is redundant only when the other entry's pattern contains it as a pattern: "sns:*Remove*"
// and "sns:*Permission*" match the same one action today, but the next "sns:Remove..." action
// would tell them apart.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "catalog/action_pattern.h"
#include "catalog/ascii.h"
#include "catalog/folded_hash.h"
#include "catalog/glob.h"
#include "engine/fix_edits.h"
#include "engine/rule.h"

namespace iamlint::rules {
namespace {

using Indices = std::span<const std::uint32_t>;  // sorted catalogue positions

bool is_subset(Indices part, Indices whole) {
  return std::includes(whole.begin(), whole.end(), part.begin(), part.end());
}

// The catalogue positions that two entries or more name, sorted: only an entry all of whose
// actions are here can be redundant, which keeps lists of a thousand entries (AWS's read-only
// policies) near-linear.
std::vector<std::uint32_t> named_twice(const std::vector<Indices>& sets) {
  std::vector<std::uint32_t> all;
  for (Indices set : sets) all.insert(all.end(), set.begin(), set.end());
  std::sort(all.begin(), all.end());
  std::vector<std::uint32_t> twice;
  for (std::size_t i = 1; i < all.size(); ++i) {
    if (all[i] == all[i - 1] && (twice.empty() || twice.back() != all[i])) twice.push_back(all[i]);
  }
  return twice;
}

// Whether `outer` names every action `inner` can ever name: for a wildcard entry, as a pattern; an
// action name is matched by the catalogue, where the sets already settle it.
bool covers_as_pattern(const ast::Action& outer, const ast::Action& inner) {
  return !catalog::has_wildcard(inner.text.value) ||
         catalog::glob_contains(outer.text.value, inner.text.value,
                                catalog::LetterCase::kInsensitive);
}

class RedundantAction final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"style", "catalog"};
  static constexpr std::string_view kCodes[] = {"REDUNDANT_ACTION"};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM153",
      .name = "redundant-action",
      .level = engine::Level::kNote,
      .summary = "An action entry is fully covered by another entry of the same list",
      .tags = kTags,
      .precision = engine::Precision::kVeryHigh,
      .access_analyzer_codes = kCodes,
      .fixable = true,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_statement(const ast::Statement& statement, engine::RuleContext& ctx) const override {
    for (const auto* list : {&statement.action, &statement.not_action}) {
      if (*list && (*list)->entries.size() > 1) check_list(**list, ctx);
    }
  }

 private:
  static void check_list(const ast::EntryList<ast::Action>& list, engine::RuleContext& ctx) {
    const auto& entries = list.entries;
    // An entry written again (letter case aside) repeats the earlier one: found by its text, so
    // that a list of a million "*" (a crafted policy) costs no set arithmetic.
    std::unordered_map<std::string_view, std::size_t, catalog::FoldedHash, catalog::FoldedEqual>
        first_with_text;
    std::vector<const ast::Action*> distinct;
    for (const ast::Action& action : entries) {
      auto [first, inserted] = first_with_text.emplace(action.text.value, distinct.size());
      if (inserted) {
        distinct.push_back(&action);
      } else {
        report(action, *distinct[first->second], list.name.value, ctx);
      }
    }
    // Past this many catalogue positions in all, coverage between distinct entries is not
    // judged: about 64 lists of every action, far beyond any real policy, and 16 MB at most.
    constexpr std::size_t kMaxPositions = std::size_t{1} << 22;
    std::vector<Indices> sets;
    sets.reserve(distinct.size());
    std::size_t positions = 0;
    for (const ast::Action* action : distinct) {
      auto matches = catalog::expand_action_pattern(action->text.value);
      sets.push_back(matches ? *matches : Indices());
      positions += sets.back().size();
      if (positions > kMaxPositions) return;
    }
    std::vector<std::uint32_t> twice = named_twice(sets);
    for (std::size_t i = 0; i < distinct.size(); ++i) {
      Indices set = sets[i];
      if (set.empty() || !is_subset(set, twice)) continue;
      for (std::size_t j = 0; j < distinct.size(); ++j) {
        if (j == i || !is_subset(set, sets[j]) || !covers_as_pattern(*distinct[j], *distinct[i]))
          continue;
        // Of two entries naming the same actions, the later one is the redundant one.
        if (j > i && is_subset(sets[j], set) && covers_as_pattern(*distinct[i], *distinct[j]))
          continue;
        report(*distinct[i], *distinct[j], list.name.value, ctx);
        break;
      }
    }
  }

  // The fix removes the entry: the list grants (or, for NotAction, excludes) the same actions,
  // since the covering entry stays.
  static void report(const ast::Action& redundant, const ast::Action& covering,
                     std::string_view element, engine::RuleContext& ctx) {
    engine::Fix fix{.description = fmt::format("Remove \"{}\"", redundant.text.value),
                    .edits = {engine::remove_element(ctx.json(), redundant.text.node)}};
    if (catalog::equals_folded(redundant.text.value, covering.text.value)) {
      ctx.report(redundant.text.range, "{} entry \"{}\" repeats an earlier entry; remove it",
                 element, redundant.text.value)
          .related(covering.text.range, "the earlier entry")
          .fix(std::move(fix));
      return;
    }
    ctx.report(redundant.text.range, "{} entry \"{}\" is already covered by \"{}\"; remove it",
               element, redundant.text.value, covering.text.value)
        .related(covering.text.range, fmt::format("\"{}\" covers it", covering.text.value))
        .fix(std::move(fix));
  }
};

IAMLINT_REGISTER_RULE(RedundantAction);

}  // namespace
}  // namespace iamlint::rules
