// IAM015: a Resource (or NotResource) entry that another entry of the same list
// already covers, e.g. "arn:aws:s3:::logs/app/*" next to "arn:aws:s3:::logs/*",
// or an entry written twice.
#include <algorithm>
#include <iterator>
#include <unordered_map>
#include <vector>

#include "engine/rule.h"

namespace iamlint::rules {
namespace {

constexpr std::string_view kTags[] = {"style"};
constexpr std::string_view kCodes[] = {"REDUNDANT_RESOURCE"};

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
// unusual wildcard layouts. Fast rejections decide nearly every pair in real lists.
bool covers(const Entry& wide_entry, const Entry& narrow_entry) {
  std::string_view wide = wide_entry.text;
  std::string_view narrow = narrow_entry.text;
  if (!wide_entry.wildcard) return wide == narrow;
  if (wide == "*") return true;
  // A literal character of `wide` only matches itself, so its literal head and tail must
  // begin and end `narrow` too.
  if (!narrow.starts_with(wide_entry.head) || !narrow.ends_with(wide_entry.tail)) return false;
  // Glob matching with a backtrack to the last `*` of `wide`, which may consume any run of
  // `narrow` (its wildcards included); linear on real ARNs, O(|wide|·|narrow|) at worst.
  auto fits = [](char w, char n) { return w == '?' ? n != '*' : w == n; };
  std::size_t w = 0;
  std::size_t n = 0;
  std::size_t star = std::string_view::npos;
  std::size_t resume = 0;
  while (n < narrow.size()) {
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

class RedundantResource final : public engine::Rule {
 public:
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM015",
      .name = "redundant-resource",
      .level = engine::Level::kNote,
      .summary = "A resource entry is already covered by another entry of the same list",
      .tags = kTags,
      .precision = engine::Precision::kVeryHigh,
      .access_analyzer_codes = kCodes,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_statement(const ast::Statement& statement, engine::RuleContext& ctx) const override {
    if (statement.resource) check_list(*statement.resource, ctx);
    if (statement.not_resource) check_list(*statement.not_resource, ctx);
  }

 private:
  static void check_list(const ast::EntryList<ast::Resource>& list, engine::RuleContext& ctx) {
    const auto& entries = list.entries;
    std::vector<Entry> prepared;
    prepared.reserve(entries.size());
    for (const ast::Resource& entry : entries) prepared.emplace_back(entry.text.value);
    // Only an entry with a wildcard, or one with the same text, can cover another: comparing
    // with those alone keeps long lists of plain ARNs linear.
    std::vector<std::size_t> wildcards;
    std::unordered_map<std::string_view, std::vector<std::size_t>> by_text;
    for (std::size_t i = 0; i < entries.size(); ++i) {
      if (prepared[i].wildcard) wildcards.push_back(i);
      by_text[prepared[i].text].push_back(i);
    }
    std::vector<std::size_t> candidates;
    for (std::size_t i = 0; i < entries.size(); ++i) {
      const ast::Text& narrow = entries[i].text;
      const std::vector<std::size_t>& same = by_text[prepared[i].text];
      candidates.clear();
      std::set_union(same.begin(), same.end(), wildcards.begin(), wildcards.end(),
                     std::back_inserter(candidates));
      for (std::size_t j : candidates) {
        if (i == j) continue;
        const ast::Text& wide = entries[j].text;
        if (!covers(prepared[j], prepared[i])) continue;
        // Of two equal entries (or two that cover each other), the later one is
        // the redundant one.
        if (j > i && covers(prepared[i], prepared[j])) continue;
        if (wide.value == narrow.value) {
          ctx.report(narrow.range, "{} lists \"{}\" twice; remove this one", list.name.value,
                     narrow.value)
              .related(wide.range, "already listed here");
        } else {
          ctx.report(narrow.range, "\"{}\" is already covered by \"{}\" in the same {}; remove it",
                     narrow.value, wide.value, list.name.value)
              .related(wide.range, "the covering entry");
        }
        break;
      }
    }
  }
};

IAMLINT_REGISTER_RULE(RedundantResource);

}  // namespace
}  // namespace iamlint::rules
