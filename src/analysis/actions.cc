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

}  // namespace

catalog::ActionSet actions_of(const ast::Action& action) {
  catalog::ActionSet actions;
  if (auto matches = catalog::expand_action_pattern(action.text.value)) actions.insert(*matches);
  return actions;
}

catalog::ActionSet statement_actions(const ast::Statement& statement) {
  const auto& list = statement.action ? statement.action : statement.not_action;
  catalog::ActionSet actions;
  if (!list) return actions;
  for (const ast::Action& action : list->entries) actions |= actions_of(action);
  return statement.action ? actions : actions.complement();
}

bool is_pattern(std::string_view text) {
  return text.find_first_of("*?") != std::string_view::npos;
}

catalog::ActionSet resource_scoped(const catalog::ActionSet& actions) {
  catalog::ActionSet scoped;
  for (catalog::Action action : actions) {
    if (!action.resource_types().empty()) scoped.insert(action);
  }
  return scoped;
}

std::string describe_grant(const catalog::ActionSet& actions) {
  constexpr std::size_t kNamed = 3;
  auto counts = actions.count_by_access_level();
  auto level = std::find_if(kBySensitivity.begin(), kBySensitivity.end(),
                            [&](AccessLevel l) { return counts[static_cast<std::size_t>(l)] > 0; });
  if (level == kBySensitivity.end()) return "no action";
  std::size_t total = actions.count();
  if (total == 1) {
    catalog::Action only = *actions.begin();
    return fmt::format("{} ({})", only.qualified_name(), catalog::to_string(only.access_level()));
  }
  std::size_t at_level = counts[static_cast<std::size_t>(*level)];
  std::string out = fmt::format("{} actions, {} {}: ", total,
                                at_level == total ? "all" : fmt::format("{} of them", at_level),
                                catalog::to_string(*level));
  std::size_t named = 0;
  for (catalog::Action action : actions) {
    if (action.access_level() != *level) continue;
    if (named == kNamed) break;
    out += fmt::format("{}{}", named == 0 ? "" : ", ", action.qualified_name());
    ++named;
  }
  if (at_level > named) out += fmt::format(" and {} more", at_level - named);
  return out;
}

bool only_reads(const catalog::ActionSet& actions) {
  auto counts = actions.count_by_access_level();
  return counts[static_cast<std::size_t>(AccessLevel::kWrite)] == 0 &&
         counts[static_cast<std::size_t>(AccessLevel::kPermissionsManagement)] == 0 &&
         counts[static_cast<std::size_t>(AccessLevel::kTagging)] == 0;
}

}  // namespace iamlint::analysis
