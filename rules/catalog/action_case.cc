// IAM158: an action written in another letter case than its service documents it
// ("S3:getobject" for "s3:GetObject"), or a wildcard pattern whose service prefix is not lower
// case ("EC2:Describe*"). IAM ignores the case; people and tools that search policies do not.
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include <fmt/core.h>

#include "action_lookup.h"
#include "analysis/policy_facts.h"
#include "catalog/action.h"
#include "catalog/action_pattern.h"
#include "catalog/glob.h"
#include "catalog/service.h"
#include "engine/fix_edits.h"
#include "engine/rule.h"
#include "support/memo.h"

namespace iamlint::rules {
namespace {

// How the catalogue spells the entry, or nothing when it already does (or does not know it). A
// wildcard pattern keeps its name part as written: only its service prefix has one spelling.
std::optional<std::string> find_documented_spelling(const ast::Action& action) {
  if (!action.has_service()) return std::nullopt;
  if (!catalog::has_wildcard(action.text.value)) {
    // The expansion the other catalog rules ask for too (remembered), rather than a lookup of its
    // own: an action name without wildcards matches the action of that name, if any.
    const auto matches = catalog::expand_action_pattern(action.text.value);
    if (!matches || matches->empty()) return std::nullopt;
    std::string spelling = catalog::Action(matches->front()).qualified_name();
    return spelling == action.text.value ? std::nullopt : std::optional(spelling);
  }
  const std::optional<catalog::Service> service = catalog::find_service(action.service);
  if (!service || service->prefix() == action.service) return std::nullopt;
  return fmt::format("{}:{}", service->prefix(), action.name);
}

// find_documented_spelling, remembered per spelling: a catalogue lookup per entry was most of
// this rule's cost, and the entries of a corpus repeat.
const std::optional<std::string>& documented_spelling(const ast::Action& action) {
  thread_local Memo<std::optional<std::string>> memo(
      {.entries = catalog_lookup::kRememberedActions, .bytes = catalog_lookup::kRememberedBytes});
  return memo.get(action.text.value, [&] { return find_documented_spelling(action); });
}

// Whether the entry is written as the catalogue spells it, told from its expansion without a
// lookup: an action name by the action it names, a pattern by its service's prefix. False when the
// expansion cannot tell (it names nothing): documented_spelling decides those.
bool spelled_as_documented(const ast::Action& action, const analysis::EntryActions& named) {
  if (!named || named->empty()) return false;
  const catalog::Action first(named->front());
  const std::string_view prefix = first.service().prefix();
  if (catalog::has_wildcard(action.text.value))
    return action.has_service() && action.service == prefix;
  const std::string_view name = first.name();
  const std::string_view text = action.text.value;
  return text.size() == prefix.size() + 1 + name.size() && text.starts_with(prefix) &&
         text[prefix.size()] == ':' && text.ends_with(name);
}

class ActionCase final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"style", "catalog"};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM158",
      .name = "action-case",
      .level = engine::Level::kNote,
      .summary = "An action is written in another letter case than its service documents it",
      .tags = kTags,
      .precision = engine::Precision::kVeryHigh,
      .fixable = true,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_statement(const ast::Statement& statement, engine::RuleContext& ctx) const override {
    for (const auto* list : {&statement.action, &statement.not_action}) {
      if (*list) check_list((*list)->entries, ctx.facts().entry_actions(statement, **list), ctx);
    }
  }

 private:
  // A list with more misspelt entries than this gets one finding with one fix for them all: a
  // policy written in lower case throughout would otherwise bury every other finding under
  // thousands of notes that say the same.
  static constexpr size_t kMostSeparateFindings = 3;

  struct Misspelling {
    const ast::Action* action;
    std::string spelling;
  };

  static void check_list(const std::vector<ast::Action>& entries,
                         std::span<const analysis::EntryActions> named, engine::RuleContext& ctx) {
    std::vector<Misspelling> misspellings;
    for (std::size_t i = 0; i < entries.size(); ++i) {
      const ast::Action& action = entries[i];
      if (spelled_as_documented(action, named[i])) continue;
      if (const std::optional<std::string>& spelling = documented_spelling(action)) {
        misspellings.push_back({&action, *spelling});
      }
    }
    // Safe fixes: IAM compares actions without regard to case, so the policy means the same.
    if (misspellings.size() <= kMostSeparateFindings) {
      for (const Misspelling& misspelling : misspellings) {
        const ast::Action& action = *misspelling.action;
        ctx.report(action.text.range,
                   "\"{}\" is written \"{}\" in the service's documentation; IAM ignores the "
                   "case, but one spelling keeps policies easy to search and compare",
                   action.text.value, misspelling.spelling)
            .fix({.description = fmt::format("Write \"{}\"", misspelling.spelling),
                  .edits = {engine::replace_string(action.text.range, misspelling.spelling)}});
      }
      return;
    }
    std::vector<engine::Edit> edits;
    edits.reserve(misspellings.size());
    for (const Misspelling& misspelling : misspellings) {
      edits.push_back(engine::replace_string(misspelling.action->text.range, misspelling.spelling));
    }
    const Misspelling& first = misspellings.front();
    ctx.report(first.action->text.range,
               "{} of the {} entries of this list are written in another case than their "
               "services' documentation, starting with \"{}\" (documented \"{}\"); IAM ignores "
               "the case, but one spelling keeps policies easy to search and compare",
               misspellings.size(), entries.size(), first.action->text.value, first.spelling)
        .fix({.description = fmt::format("Write the {} entries as documented", misspellings.size()),
              .edits = std::move(edits)});
  }
};

IAMLINT_REGISTER_RULE(ActionCase);

}  // namespace
}  // namespace iamlint::rules
