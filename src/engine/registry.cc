#include "engine/registry.h"

#include <algorithm>
#include <cctype>

#include <fmt/core.h>

#include "support/assert.h"

namespace iamlint::engine {
namespace {

// A function-local static, so registration from other translation units' initialisers is safe
// whatever order they run in.
std::vector<std::unique_ptr<Rule>>& storage() {
  static std::vector<std::unique_ptr<Rule>> rules;
  return rules;
}

// Ids and names are unique; checked here, once, rather than at each registration, which runs for
// every rule at the start of every run.
std::vector<const Rule*> sorted_view() {
  std::vector<const Rule*> view;
  for (const auto& rule : storage()) view.push_back(rule.get());
  const auto unique_by = [&](auto field) {
    std::sort(view.begin(), view.end(),
              [&](const Rule* a, const Rule* b) { return field(a) < field(b); });
    return std::adjacent_find(view.begin(), view.end(), [&](const Rule* a, const Rule* b) {
             return field(a) == field(b);
           }) == view.end();
  };
  IAMLINT_ASSERT(unique_by([](const Rule* rule) { return rule->info().name; }));
  IAMLINT_ASSERT(unique_by([](const Rule* rule) { return rule->info().id; }));
  return view;
}

bool iequals_prefix(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() &&
         std::equal(prefix.begin(), prefix.end(), text.begin(), [](char a, char b) {
           return std::toupper(static_cast<unsigned char>(a)) ==
                  std::toupper(static_cast<unsigned char>(b));
         });
}

}  // namespace

bool register_rule(std::unique_ptr<Rule> rule, RuleHooks hooks) {
  rule->set_hooks(hooks);
  storage().push_back(std::move(rule));
  return true;
}

std::span<const Rule* const> all_rules() {
  // Registration has finished once main() runs, so the sorted view is built once, on first use.
  static const std::vector<const Rule*> sorted = sorted_view();
  return sorted;
}

const Rule* find_rule(std::string_view id_or_name) {
  for (const Rule* rule : all_rules()) {
    const RuleInfo& info = rule->info();
    if (info.name == id_or_name ||
        (info.id.size() == id_or_name.size() && iequals_prefix(info.id, id_or_name))) {
      return rule;
    }
  }
  // People who know Access Analyzer ask by its issue codes.
  for (const Rule* rule : all_rules()) {
    const auto& codes = rule->info().access_analyzer_codes;
    if (std::find(codes.begin(), codes.end(), id_or_name) != codes.end()) return rule;
  }
  return nullptr;
}

Result<std::vector<const Rule*>> rules_named(std::string_view entry) {
  std::vector<const Rule*> matched;
  for (const Rule* rule : all_rules()) {
    const RuleInfo& info = rule->info();
    bool all = entry.size() == 3 && iequals_prefix(entry, "ALL");
    bool id_prefix = entry.size() >= 3 && iequals_prefix(info.id, entry);
    if (all || id_prefix || info.name == entry) {
      matched.push_back(rule);
    }
  }
  if (matched.empty()) {
    return make_error(
        ErrorCode::kUsage,
        fmt::format("unknown rule '{}' (see 'iamlint rules' for ids and names)", entry));
  }
  return matched;
}

Result<std::vector<const Rule*>> select_rules(std::span<const std::string> select,
                                              std::span<const std::string> ignore) {
  std::vector<const Rule*> enabled;
  if (select.empty()) {
    enabled.assign(all_rules().begin(), all_rules().end());
  }
  for (const std::string& entry : select) {
    auto rules = rules_named(entry);
    if (!rules) return Unexpected(rules.error());
    enabled.insert(enabled.end(), rules->begin(), rules->end());
  }
  for (const std::string& entry : ignore) {
    auto rules = rules_named(entry);
    if (!rules) return Unexpected(rules.error());
    std::erase_if(enabled, [&](const Rule* rule) {
      return std::find(rules->begin(), rules->end(), rule) != rules->end();
    });
  }
  std::sort(enabled.begin(), enabled.end(),
            [](const Rule* a, const Rule* b) { return a->info().id < b->info().id; });
  enabled.erase(std::unique(enabled.begin(), enabled.end()), enabled.end());
  return enabled;
}

}  // namespace iamlint::engine
