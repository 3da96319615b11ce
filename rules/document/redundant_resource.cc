// IAM015: a Resource (or NotResource) entry that another entry of the same list
// already covers, e.g. "arn:aws:s3:::logs/app/*" next to "arn:aws:s3:::logs/*",
// or an entry written twice.
#include <vector>

#include "engine/rule.h"

namespace iamlint::rules {
namespace {

constexpr std::string_view kTags[] = {"style"};
constexpr std::string_view kCodes[] = {"REDUNDANT_RESOURCE"};

// True when every resource that `narrow` matches is matched by `wide`: a glob
// match of `wide` against the text of `narrow` in which a `*` of `narrow` can
// only be consumed by a `*` of `wide` and a `?` of `narrow` by a `?` or `*`.
// Sound (never claims coverage that is not there), though not complete for
// unusual wildcard layouts. Dynamic programming over prefixes:
// O(|wide|·|narrow|).
bool covers(std::string_view wide, std::string_view narrow) {
  // Fast paths, which decide nearly every pair in real lists: no wildcard means
  // equality, and the literal text before the first wildcard must start
  // `narrow`.
  std::size_t literal = wide.find_first_of("*?");
  if (literal == std::string_view::npos) return wide == narrow;
  if (narrow.substr(0, literal) != wide.substr(0, literal)) return false;
  const std::size_t columns = narrow.size() + 1;
  std::vector<char> previous(columns, 0);
  std::vector<char> current(columns, 0);
  previous[0] = 1;
  for (std::size_t i = 1; i <= wide.size(); ++i) {
    char w = wide[i - 1];
    current[0] = w == '*' && previous[0];
    for (std::size_t j = 1; j < columns; ++j) {
      char n = narrow[j - 1];
      if (w == '*') {
        current[j] = previous[j] || current[j - 1];
      } else if (w == '?') {
        current[j] = n != '*' && previous[j - 1];
      } else {
        current[j] = n == w && previous[j - 1];
      }
    }
    std::swap(previous, current);
  }
  return previous[narrow.size()] != 0;
}

class RedundantResource final : public engine::Rule {
 public:
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM015",
      .name = "redundant-resource",
      .level = engine::Level::kNote,
      .summary =
          "A resource entry is already covered by another entry of the "
          "same list",
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
    for (std::size_t i = 0; i < entries.size(); ++i) {
      const ast::Text& narrow = entries[i].text;
      for (std::size_t j = 0; j < entries.size(); ++j) {
        if (i == j) continue;
        const ast::Text& wide = entries[j].text;
        if (!covers(wide.value, narrow.value)) continue;
        // Of two equal entries (or two that cover each other), the later one is
        // the redundant one.
        if (j > i && covers(narrow.value, wide.value)) continue;
        if (wide.value == narrow.value) {
          ctx.report(narrow.range, "{} lists \"{}\" twice; remove this one", list.name.value,
                     narrow.value)
              .related(wide.range, "already listed here");
        } else {
          ctx.report(narrow.range,
                     "\"{}\" is already covered by \"{}\" in the same {}; "
                     "remove it",
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
