// IAM153: an Action (or NotAction) entry whose every action another entry of the same list already
// names, e.g. "iam:GetCredentialReport" next to "iam:Get*". Judged on the catalogue's action sets,
// whole entries only; entries the catalogue does not know are never called redundant. A wildcard
// entry is redundant only when the other entry's pattern contains it as a pattern: "sns:*Remove*"
// and "sns:*Permission*" match the same one action today, but the next "sns:Remove..." action
// would tell them apart.
#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "../list_memo.h"
#include "analysis/policy_facts.h"
#include "catalog/action.h"
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

// How many of a list's distinct entries name each catalogue position, up to two: only an entry
// all of whose actions two entries or more name can be redundant, which keeps lists of a thousand
// entries (AWS's read-only policies) near-linear. Counted in one array per thread, indexed by
// position and cleared after each list: cheaper than sorting every position the list names.
class TimesNamed {
 public:
  explicit TimesNamed(const std::vector<Indices>& sets) : sets_(sets) {
    for (Indices set : sets_) {
      for (std::uint32_t action : set) counts_[action] = std::min(counts_[action] + 1, 2);
    }
  }
  ~TimesNamed() {
    for (Indices set : sets_) {
      for (std::uint32_t action : set) counts_[action] = 0;
    }
  }
  TimesNamed(const TimesNamed&) = delete;
  TimesNamed& operator=(const TimesNamed&) = delete;

  [[nodiscard]] bool all_named_twice(Indices set) const {
    return std::all_of(set.begin(), set.end(),
                       [&](std::uint32_t action) { return counts_[action] == 2; });
  }

 private:
  static std::vector<std::uint8_t>& thread_counts() {
    thread_local std::vector<std::uint8_t> counts(catalog::action_count());
    return counts;
  }

  const std::vector<Indices>& sets_;
  std::vector<std::uint8_t>& counts_ = thread_counts();
};

// The first entry of a list with each text, letter case aside: an open-addressing table of
// positions in one vector, since a node per entry (std::unordered_map) cost more than the rest of
// this rule on lists of a thousand entries. An entry the catalogue expands is known by its
// expansion (equal texts share one, catalog/action_pattern.h), without hashing its text; only the
// others (unknown, invalid) are compared by text.
class FirstWithText {
 public:
  FirstWithText(const std::vector<ast::Action>& entries, const std::vector<Indices>& sets)
      : entries_(entries), sets_(sets), slots_(std::bit_ceil(2 * entries.size()), kEmpty) {}

  // The position of the first entry with the text of entries[i], which is i when none before has
  // it. Asked in order of position.
  std::uint32_t first(std::uint32_t i) {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t slot = hash(i) & mask;; slot = (slot + 1) & mask) {
      if (slots_[slot] == kEmpty) return slots_[slot] = i;
      if (same(slots_[slot], i)) return slots_[slot];
    }
  }

 private:
  static constexpr std::uint32_t kEmpty = UINT32_MAX;

  [[nodiscard]] std::size_t hash(std::uint32_t i) const {
    if (sets_[i].empty()) return catalog::folded_hash(entries_[i].text.value);
    // Fibonacci hashing of the address: its low bits are alignment, its high bits the table's.
    const auto address = reinterpret_cast<std::uintptr_t>(sets_[i].data());
    return static_cast<std::size_t>((address * 0x9E3779B97F4A7C15u) >> 32);
  }
  [[nodiscard]] bool same(std::uint32_t a, std::uint32_t b) const {
    if (sets_[a].empty() != sets_[b].empty()) return false;
    return sets_[a].empty() ? catalog::equals_folded(entries_[a].text.value, entries_[b].text.value)
                            : sets_[a].data() == sets_[b].data();
  }

  const std::vector<ast::Action>& entries_;
  const std::vector<Indices>& sets_;
  std::vector<std::uint32_t> slots_;
};

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
      if (*list && (*list)->entries.size() > 1) check_list(statement, **list, ctx);
    }
  }

 private:
  // One entry of a list that another makes redundant, by their positions in the list.
  struct RedundantEntry {
    std::uint32_t redundant;
    std::uint32_t covering;
  };

  // Findings depend on the entries' texts alone, and the same lists recur in every version of a
  // policy: each distinct list is judged once.
  static void check_list(const ast::Statement& statement, const ast::EntryList<ast::Action>& list,
                         engine::RuleContext& ctx) {
    thread_local Memo<std::vector<RedundantEntry>> memo({.entries = 4096, .bytes = 256 << 10});
    const auto& entries = list.entries;
    const auto named = ctx.facts().entry_actions(statement, list);
    for (RedundantEntry found :
         judge_list(memo, entries, [&] { return redundant_entries(entries, named); })) {
      report(entries[found.redundant], entries[found.covering], list.name.value, ctx);
    }
  }

  // In the order reported: entries written again first, then entries that others cover.
  // `named` holds the entries' expansions (PolicyFacts::entry_actions).
  static std::vector<RedundantEntry> redundant_entries(
      const std::vector<ast::Action>& entries, std::span<const analysis::EntryActions> named) {
    std::vector<RedundantEntry> found;
    std::vector<Indices> all_sets;
    all_sets.reserve(entries.size());
    for (const analysis::EntryActions& matches : named) {
      all_sets.push_back(matches ? *matches : Indices());
    }
    // An entry written again (letter case aside) repeats the earlier one: found before any set
    // arithmetic, so that a list of a million "*" (a crafted policy) costs none.
    FirstWithText first_with_text(entries, all_sets);
    std::vector<std::uint32_t> distinct;
    for (std::uint32_t i = 0; i < entries.size(); ++i) {
      const std::uint32_t first = first_with_text.first(i);
      if (first == i) {
        distinct.push_back(i);
      } else {
        found.push_back({i, first});
      }
    }
    // Past this many catalogue positions in all, coverage between distinct entries is not
    // judged: about 64 lists of every action, far beyond any real policy, and 16 MB at most.
    constexpr std::size_t kMaxPositions = std::size_t{1} << 22;
    std::vector<Indices> sets;
    sets.reserve(distinct.size());
    std::size_t positions = 0;
    for (std::uint32_t entry : distinct) {
      sets.push_back(all_sets[entry]);
      positions += sets.back().size();
      if (positions > kMaxPositions) return found;
    }
    const TimesNamed times_named(sets);
    for (std::size_t i = 0; i < distinct.size(); ++i) {
      Indices set = sets[i];
      if (set.empty() || !times_named.all_named_twice(set)) continue;
      const ast::Action& inner = entries[distinct[i]];
      for (std::size_t j = 0; j < distinct.size(); ++j) {
        const ast::Action& outer = entries[distinct[j]];
        if (j == i || !is_subset(set, sets[j]) || !covers_as_pattern(outer, inner)) continue;
        // Of two entries naming the same actions, the later one is the redundant one.
        if (j > i && is_subset(sets[j], set) && covers_as_pattern(inner, outer)) continue;
        found.push_back({distinct[i], distinct[j]});
        break;
      }
    }
    return found;
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
