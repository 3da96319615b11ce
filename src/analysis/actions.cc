#include "analysis/actions.h"

#include <algorithm>
#include <array>

#include <fmt/core.h>

#include "catalog/action_pattern.h"
#include "catalog/glob.h"

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
  return catalog::has_wildcard(text);
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

namespace {

// describe_grant's message from the number of actions (at least one), the most sensitive access
// level among them, how many are at that level, and `named(n)`, the first n of those in catalogue
// order.
template <class Named>
std::string describe(std::size_t total, AccessLevel level, std::size_t at_level, Named named) {
  constexpr std::size_t kNamed = 3;
  if (total == 1) {
    catalog::Action only = named(1).front();
    return fmt::format("{} ({})", only.qualified_name(), catalog::to_string(level));
  }
  std::string out = fmt::format("{} actions, {} {}: ", total,
                                at_level == total ? "all" : fmt::format("{} of them", at_level),
                                catalog::to_string(level));
  std::vector<catalog::Action> shown = named(kNamed);
  for (std::size_t i = 0; i < shown.size(); ++i) {
    out += fmt::format("{}{}", i == 0 ? "" : ", ", shown[i].qualified_name());
  }
  if (at_level > shown.size()) out += fmt::format(" and {} more", at_level - shown.size());
  return out;
}

}  // namespace

std::string describe_grant(Indices actions) {
  std::array<std::size_t, catalog::kAccessLevelCount> counts{};
  for (std::uint32_t index : actions) ++counts[static_cast<std::size_t>(level_of(index))];
  const auto level = std::find_if(kBySensitivity.begin(), kBySensitivity.end(), [&](AccessLevel l) {
    return counts[static_cast<std::size_t>(l)] > 0;
  });
  if (level == kBySensitivity.end()) return "no action";
  return describe(actions.size(), *level, counts[static_cast<std::size_t>(*level)],
                  [&](std::size_t n) {
                    std::vector<catalog::Action> named;
                    for (std::uint32_t index : actions) {
                      if (named.size() == n) break;
                      if (level_of(index) == *level) named.emplace_back(index);
                    }
                    return named;
                  });
}

std::string describe_grant(const catalog::ActionSet& actions) {
  // Word operations: a statement's set may hold most of the catalogue.
  const auto level = std::find_if(kBySensitivity.begin(), kBySensitivity.end(), [&](AccessLevel l) {
    return actions.intersects(catalog::ActionSet::at_access_level(l));
  });
  if (level == kBySensitivity.end()) return "no action";
  catalog::ActionSet at_level = actions;
  at_level &= catalog::ActionSet::at_access_level(*level);
  return describe(actions.count(), *level, at_level.count(), [&](std::size_t n) {
    std::vector<catalog::Action> named;
    for (catalog::Action action : at_level) {
      if (named.size() == n) break;
      named.push_back(action);
    }
    return named;
  });
}

bool only_reads(Indices actions) {
  return std::all_of(actions.begin(), actions.end(), [](std::uint32_t index) {
    AccessLevel level = level_of(index);
    return level == AccessLevel::kRead || level == AccessLevel::kList;
  });
}

bool only_reads(const catalog::ActionSet& actions) {
  return std::none_of(kBySensitivity.begin(), kBySensitivity.end(), [&](AccessLevel level) {
    return level != AccessLevel::kRead && level != AccessLevel::kList &&
           actions.intersects(catalog::ActionSet::at_access_level(level));
  });
}

}  // namespace iamlint::analysis
