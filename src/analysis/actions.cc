#include "analysis/actions.h"

#include <algorithm>
#include <array>

#include <fmt/core.h>

#include "catalog/action_pattern.h"

namespace iamlint::analysis {
namespace {

using catalog::AccessLevel;

// Most sensitive first: the order in which messages name access levels.
constexpr std::array<AccessLevel, catalog::kAccessLevelCount> kBySensitivity = {
    AccessLevel::kPermissionsManagement, AccessLevel::kWrite, AccessLevel::kTagging,
    AccessLevel::kRead, AccessLevel::kList};

AccessLevel level_of(std::uint32_t index) {
  return catalog::Action(index).access_level();
}

}  // namespace

Indices actions_of(const ast::Action& action) {
  auto matches = catalog::expand_action_pattern(action.text.value);
  return matches ? *matches : Indices();
}

catalog::ActionSet statement_actions(const ast::Statement& statement) {
  const auto& list = statement.action ? statement.action : statement.not_action;
  catalog::ActionSet actions;
  if (!list) return actions;
  for (const ast::Action& action : list->entries) {
    // "*" names everything: no need to set each of its twenty thousand bits.
    if (action.text.value == "*")
      return statement.action ? catalog::ActionSet::all() : catalog::ActionSet();
    actions.insert(actions_of(action));
  }
  return statement.action ? actions : actions.complement();
}

bool is_pattern(std::string_view text) {
  return text.find_first_of("*?") != std::string_view::npos;
}

catalog::ActionSet resource_scoped(const catalog::ActionSet& actions) {
  // Built once, on first use: every action the catalogue lists a resource type for.
  static const catalog::ActionSet kScoped = [] {
    catalog::ActionSet scoped;
    for (std::uint32_t i = 0; i < catalog::action_count(); ++i) {
      if (!catalog::Action(i).resource_types().empty()) scoped.insert(catalog::Action(i));
    }
    return scoped;
  }();
  catalog::ActionSet result = actions;
  result &= kScoped;
  return result;
}

std::vector<std::uint32_t> indices_of(const catalog::ActionSet& actions) {
  std::vector<std::uint32_t> out;
  for (catalog::Action action : actions) out.push_back(action.index());
  return out;
}

std::string describe_grant(Indices actions) {
  constexpr std::size_t kNamed = 3;
  if (actions.empty()) return "no action";
  if (actions.size() == 1) {
    catalog::Action only(actions.front());
    return fmt::format("{} ({})", only.qualified_name(), catalog::to_string(only.access_level()));
  }
  std::array<std::size_t, catalog::kAccessLevelCount> counts{};
  for (std::uint32_t index : actions) ++counts[static_cast<std::size_t>(level_of(index))];
  AccessLevel level =
      *std::find_if(kBySensitivity.begin(), kBySensitivity.end(),
                    [&](AccessLevel l) { return counts[static_cast<std::size_t>(l)] > 0; });
  std::size_t at_level = counts[static_cast<std::size_t>(level)];
  std::string out =
      fmt::format("{} actions, {} {}: ", actions.size(),
                  at_level == actions.size() ? "all" : fmt::format("{} of them", at_level),
                  catalog::to_string(level));
  std::size_t named = 0;
  for (std::uint32_t index : actions) {
    if (level_of(index) != level) continue;
    if (named == kNamed) break;
    out += fmt::format("{}{}", named == 0 ? "" : ", ", catalog::Action(index).qualified_name());
    ++named;
  }
  if (at_level > named) out += fmt::format(" and {} more", at_level - named);
  return out;
}

bool only_reads(Indices actions) {
  return std::all_of(actions.begin(), actions.end(), [](std::uint32_t index) {
    AccessLevel level = level_of(index);
    return level == AccessLevel::kRead || level == AccessLevel::kList;
  });
}

}  // namespace iamlint::analysis
