// IAM153: an Action (or NotAction) entry whose every action another entry of the same list already
// names, e.g. "iam:GetCredentialReport" next to "iam:Get*". Judged on the catalogue's action sets,
// whole entries only; entries the catalogue does not know are never called redundant.
#include <cstddef>
#include <vector>

#include "analysis/actions.h"
#include "catalog/ascii.h"
#include "engine/rule.h"

namespace iamlint::rules {
namespace {

constexpr std::string_view kTags[] = {"style", "catalog"};
constexpr std::string_view kCodes[] = {"REDUNDANT_ACTION"};

bool is_subset(const catalog::ActionSet& part, const catalog::ActionSet& whole) {
  catalog::ActionSet rest = part;
  rest -= whole;
  return rest.empty();
}

class RedundantAction final : public engine::Rule {
 public:
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM153",
      .name = "redundant-action",
      .level = engine::Level::kNote,
      .summary = "An action entry is fully covered by another entry of the same list",
      .tags = kTags,
      .precision = engine::Precision::kVeryHigh,
      .access_analyzer_codes = kCodes,
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
    std::vector<catalog::ActionSet> sets;
    sets.reserve(entries.size());
    // Actions named by two entries or more: only an entry inside this set can be redundant, which
    // keeps lists of a thousand entries (AWS's read-only policies) linear in practice.
    catalog::ActionSet once;
    catalog::ActionSet twice;
    for (const ast::Action& action : entries) {
      sets.push_back(analysis::actions_of(action));
      catalog::ActionSet again = sets.back();
      again &= once;
      twice |= again;
      once |= sets.back();
    }
    for (std::size_t i = 0; i < entries.size(); ++i) {
      const catalog::ActionSet& set = sets[i];
      if (set.empty() || !is_subset(set, twice)) continue;
      const catalog::Action first = *set.begin();
      for (std::size_t j = 0; j < entries.size(); ++j) {
        if (j == i || !sets[j].contains(first) || !is_subset(set, sets[j])) continue;
        // Of two entries naming the same actions, the later one is the redundant one.
        if (j > i && is_subset(sets[j], set)) continue;
        report(entries[i], entries[j], list.name.value, ctx);
        break;
      }
    }
  }

  static void report(const ast::Action& redundant, const ast::Action& covering,
                     std::string_view element, engine::RuleContext& ctx) {
    if (catalog::equals_folded(redundant.text.value, covering.text.value)) {
      ctx.report(redundant.text.range, "{} entry \"{}\" repeats an earlier entry; remove it",
                 element, redundant.text.value)
          .related(covering.text.range, "the earlier entry");
      return;
    }
    ctx.report(redundant.text.range, "{} entry \"{}\" is already covered by \"{}\"; remove it",
               element, redundant.text.value, covering.text.value)
        .related(covering.text.range, fmt::format("\"{}\" covers it", covering.text.value));
  }
};

IAMLINT_REGISTER_RULE(RedundantAction);

}  // namespace
}  // namespace iamlint::rules
