// IAM015: a Resource (or NotResource) entry that another entry of the same list
// already covers, e.g. "arn:aws:s3:::logs/app/*" next to "arn:aws:s3:::logs/*",
// or an entry written twice.
//
// Lists come from pull requests, so the work is bounded: an entry is compared only with the
// entries that can cover it (same text, or a wildcard entry whose literal head begins it), each
// comparison has a step budget, and a list stops being checked after kMaxComparisons.
#include <algorithm>
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "../list_memo.h"
#include "engine/fix_edits.h"
#include "engine/rule.h"

namespace iamlint::rules {
namespace {

// Far beyond any real list (100 entries that all have wildcards make 10,000).
constexpr std::size_t kMaxComparisons = 1'000'000;

// A list entry with what the coverage test needs from it, computed once per entry rather than
// once per pair: the literal text before its first wildcard and after its last one.
struct Entry {
  std::string_view text;
  std::string_view head;  // the whole text when there is no wildcard
  std::string_view tail;
  bool wildcard = false;

  explicit Entry(std::string_view value) : text(value), head(value) {
    std::size_t first = value.find_first_of("*?");
    if (first == std::string_view::npos) return;
    wildcard = true;
    head = value.substr(0, first);
    tail = value.substr(value.find_last_of("*?") + 1);
  }
};

// True when every resource that `narrow` matches is matched by `wide`: a glob
// match of `wide` against the text of `narrow` in which a `*` of `narrow` can
// only be consumed by a `*` of `wide` and a `?` of `narrow` by a `?` or `*`.
// Sound (never claims coverage that is not there), though not complete for
// unusual wildcard layouts, nor for pairs that need more than a few backtracks per
// character (crafted input: the answer is then "no"). Fast rejections decide
// nearly every pair in real lists.
bool covers(const Entry& wide_entry, const Entry& narrow_entry) {
  std::string_view wide = wide_entry.text;
  std::string_view narrow = narrow_entry.text;
  if (!wide_entry.wildcard) return wide == narrow;
  if (wide == "*") return true;
  // A literal character of `wide` only matches itself, so its literal head and tail must
  // begin and end `narrow` too.
  if (!narrow.starts_with(wide_entry.head) || !narrow.ends_with(wide_entry.tail)) return false;
  // Glob matching with a backtrack to the last `*` of `wide`, which may consume any run of
  // `narrow` (its wildcards included); linear on real ARNs, O(|wide|·|narrow|) at worst, so
  // the steps are capped.
  auto fits = [](char w, char n) { return w == '?' ? n != '*' : w == n; };
  std::size_t w = 0;
  std::size_t n = 0;
  std::size_t star = std::string_view::npos;
  std::size_t resume = 0;
  std::size_t steps_left = 8 * (wide.size() + narrow.size());
  while (n < narrow.size()) {
    if (steps_left-- == 0) return false;
    if (w < wide.size() && wide[w] == '*') {
      star = w++;
      resume = n;
    } else if (w < wide.size() && fits(wide[w], narrow[n])) {
      ++w;
      ++n;
    } else if (star != std::string_view::npos) {
      w = star + 1;
      n = ++resume;
    } else {
      return false;
    }
  }
  while (w < wide.size() && wide[w] == '*') ++w;
  return w == wide.size();
}

// Whether `wide` covers `narrow` segment by segment: each of the five colon-separated fields
// of an ARN and its resource part. AWS lets a `*` at the end of a field run past the colon, so
// covers() is right to match whole texts; but rules that read ARN fields (IAM155, IAM251) see
// "arn:aws:logs:*:*:/aws/x*" as no log group, so removing "arn:aws:logs:*:*:log-group:/aws/x*"
// beside it would make them report. The fix is offered only when no field needs that run.
bool covers_by_field(std::string_view wide, std::string_view narrow) {
  if (wide == "*") return true;
  for (int field = 0; field < 5; ++field) {
    const std::size_t w = wide.find(':');
    const std::size_t n = narrow.find(':');
    if (w == std::string_view::npos || n == std::string_view::npos) {
      return w == n && covers(Entry(wide), Entry(narrow));
    }
    if (!covers(Entry(wide.substr(0, w)), Entry(narrow.substr(0, n)))) return false;
    wide.remove_prefix(w + 1);
    narrow.remove_prefix(n + 1);
  }
  return covers(Entry(wide), Entry(narrow));
}

// The wildcard entries of a list by their literal head. The heads that begin a text are among its
// prefixes, so one pass over the text with a rolling hash finds them; a hash collision only adds
// a candidate that covers() then rejects.
class HeadIndex {
 public:
  void add(std::string_view head, std::size_t position) {
    by_hash_[hash(head)].push_back(position);
  }

  // Calls visit(position) for the entries whose head may begin `text`, until it returns false.
  template <class Visit>
  void for_each_candidate(std::string_view text, Visit&& visit) const {
    std::uint64_t h = kSeed;
    for (std::size_t length = 0;; ++length) {
      if (auto it = by_hash_.find(h); it != by_hash_.end()) {
        for (std::size_t position : it->second) {
          if (!visit(position)) return;
        }
      }
      if (length == text.size()) return;
      h = step(h, text[length]);
    }
  }

 private:
  static constexpr std::uint64_t kSeed = 14695981039346656037ULL;
  static std::uint64_t step(std::uint64_t h, char c) {
    return (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;  // FNV-1a
  }
  static std::uint64_t hash(std::string_view text) {
    std::uint64_t h = kSeed;
    for (char c : text) h = step(h, c);
    return h;
  }

  std::unordered_map<std::uint64_t, std::vector<std::size_t>> by_hash_;
};

class RedundantResource final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"style"};
  static constexpr std::string_view kCodes[] = {"REDUNDANT_RESOURCE"};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM015",
      .name = "redundant-resource",
      .level = engine::Level::kNote,
      .summary = "A resource entry is already covered by another entry of the same list",
      .tags = kTags,
      .precision = engine::Precision::kVeryHigh,
      .access_analyzer_codes = kCodes,
      .fixable = true,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_statement(const ast::Statement& statement, engine::RuleContext& ctx) const override {
    if (statement.resource) check_list(*statement.resource, ctx);
    if (statement.not_resource) check_list(*statement.not_resource, ctx);
  }

 private:
  // An entry that another covers, by their positions in the list.
  struct CoveredEntry {
    std::uint32_t narrow;
    std::uint32_t wide;
    bool removable;  // covers_by_field: removing the entry keeps every field's meaning
  };

  // Findings depend on the entries' texts alone, and the same lists recur in every version of a
  // policy: each distinct list is judged once.
  static void check_list(const ast::EntryList<ast::Resource>& list, engine::RuleContext& ctx) {
    thread_local Memo<std::vector<CoveredEntry>> memo({.entries = 4096, .bytes = 128 << 10});
    const auto& entries = list.entries;
    for (CoveredEntry found : judge_list(memo, entries, [&] { return covered_entries(entries); })) {
      const ast::Text& narrow = entries[found.narrow].text;
      const ast::Text& wide = entries[found.wide].text;
      auto reported =
          wide.value == narrow.value
              ? ctx.report(narrow.range, "{} lists \"{}\" twice; remove this one", list.name.value,
                           narrow.value)
                    .related(wide.range, "already listed here")
              : ctx.report(narrow.range,
                           "\"{}\" is already covered by \"{}\" in the same {}; remove it",
                           narrow.value, wide.value, list.name.value)
                    .related(wide.range, "the covering entry");
      // Removing it keeps the list's meaning: the covering entry stays.
      if (found.removable) {
        reported.fix({.description = fmt::format("Remove \"{}\"", narrow.value),
                      .edits = {engine::remove_element(ctx.json(), narrow.node)}});
      }
    }
  }

  static std::vector<CoveredEntry> covered_entries(const std::vector<ast::Resource>& entries) {
    std::vector<Entry> prepared;
    prepared.reserve(entries.size());
    for (const ast::Resource& entry : entries) prepared.emplace_back(entry.text.value);
    // Only an entry with the same text, or a wildcard entry whose literal head begins it, can
    // cover another: comparing with those alone keeps long lists linear. Of entries with the same
    // text only the first can make another redundant (of two equal entries the later one is
    // reported), so only first occurrences are candidates.
    HeadIndex wildcards;
    std::unordered_map<std::string_view, std::size_t> first_with_text;
    for (std::size_t i = 0; i < entries.size(); ++i) {
      const bool first = first_with_text.try_emplace(prepared[i].text, i).second;
      if (first && prepared[i].wildcard) wildcards.add(prepared[i].head, i);
    }
    std::vector<CoveredEntry> found;
    std::size_t budget = kMaxComparisons;
    std::vector<std::size_t> candidates;
    for (std::size_t i = 0; i < entries.size() && budget > 0; ++i) {
      candidates.assign(1, first_with_text[prepared[i].text]);
      wildcards.for_each_candidate(prepared[i].text, [&](std::size_t j) {
        candidates.push_back(j);
        return candidates.size() < budget;
      });
      std::sort(candidates.begin(), candidates.end());
      candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
      budget -= std::min(budget, candidates.size());
      for (std::size_t j : candidates) {
        if (i == j || !covers(prepared[j], prepared[i])) continue;
        // Of two equal entries (or two that cover each other), the later one is
        // the redundant one.
        if (j > i && covers(prepared[i], prepared[j])) continue;
        found.push_back({static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(j),
                         covers_by_field(prepared[j].text, prepared[i].text)});
        break;
      }
    }
    return found;
  }
};

IAMLINT_REGISTER_RULE(RedundantResource);

}  // namespace
}  // namespace iamlint::rules
