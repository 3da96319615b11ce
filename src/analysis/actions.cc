#include "analysis/actions.h"

#include <algorithm>
#include <array>
#include <utility>
#include <vector>

#include <fmt/core.h>

#include "analysis/policy_facts.h"
#include "analysis/risk_lists.h"
#include "catalog/action_pattern.h"
#include "catalog/glob.h"
#include "catalog/resource_type.h"
#include "support/memo.h"

namespace iamlint::analysis {
namespace {

using catalog::AccessLevel;

// Most sensitive first: the order in which messages name access levels.
constexpr std::array<AccessLevel, catalog::kAccessLevelCount> kBySensitivity = {
    AccessLevel::kPermissionsManagement, AccessLevel::kWrite, AccessLevel::kTagging,
    AccessLevel::kRead, AccessLevel::kList};

// "21,821": counts of actions run into the tens of thousands.
std::string count_text(std::size_t count) {
  std::string digits = std::to_string(count);
  for (std::size_t i = digits.size(); i > 3; i -= 3) digits.insert(i - 3, 1, ',');
  return digits;
}

AccessLevel level_of(std::uint32_t index) {
  return catalog::Action(index).access_level();
}

}  // namespace

Indices actions_of(const ast::Action& action) {
  auto matches = catalog::expand_action_pattern(action.text.value);
  return matches ? *matches : Indices();
}

std::vector<EntryActions> entry_actions(const ast::EntryList<ast::Action>& list) {
  std::vector<EntryActions> out;
  out.reserve(list.entries.size());
  for (const ast::Action& action : list.entries) {
    out.push_back(catalog::expand_action_pattern(action.text.value));
  }
  return out;
}

catalog::ActionSet statement_actions(const ast::Statement& statement) {
  const auto& list = statement.action ? statement.action : statement.not_action;
  if (!list) return {};
  return statement_actions(statement, entry_actions(*list));
}

catalog::ActionSet statement_actions(const ast::Statement& statement,
                                     std::span<const EntryActions> entries) {
  const auto& list = statement.action ? statement.action : statement.not_action;
  catalog::ActionSet actions;
  if (!list) return actions;
  std::vector<Indices> named;
  named.reserve(entries.size());
  for (std::size_t i = 0; i < entries.size(); ++i) {
    // "*" names everything: no need to set each of its twenty thousand bits.
    if (list->entries[i].text.value == "*")
      return statement.action ? catalog::ActionSet::all() : catalog::ActionSet();
    if (entries[i]) named.push_back(*entries[i]);
  }
  actions.insert(named);
  return statement.action ? actions : actions.complement();
}

bool is_pattern(std::string_view text) {
  return catalog::has_wildcard(text);
}

catalog::ActionSet resource_scoped(const catalog::ActionSet& actions) {
  catalog::ActionSet result = actions;
  result &= catalog::ActionSet::with_resource_types();
  return result;
}

std::vector<std::uint32_t> indices_of(const catalog::ActionSet& actions) {
  std::vector<std::uint32_t> out;
  for (catalog::Action action : actions) out.push_back(action.index());
  return out;
}

namespace {

constexpr std::size_t kNamed = 3;

// The `kNamed` most sensitive of `actions` (analysis::sensitivity_rank, catalogue order among
// equals), in one pass: a statement's set may hold most of the catalogue. Each action's rank is
// looked up once, and the kept ones keep theirs.
template <class Actions>
std::vector<catalog::Action> most_sensitive(const Actions& actions) {
  using Ranked = std::pair<int, std::uint32_t>;  // (sensitivity_rank, catalogue position)
  std::vector<Ranked> top;
  for (auto entry : actions) {
    const catalog::Action action(entry);
    const Ranked ranked(sensitivity_rank(action), action.index());
    if (top.size() == kNamed && !(ranked < top.back())) continue;
    top.insert(std::upper_bound(top.begin(), top.end(), ranked), ranked);
    if (top.size() > kNamed) top.pop_back();
  }
  std::vector<catalog::Action> out;
  for (const Ranked& kept : top) out.emplace_back(kept.second);
  return out;
}

// describe_grant's message: from the number of actions (at least one), the most sensitive access
// level among them, how many are at that level, and the most sensitive few of them.
std::string grant_message(std::size_t total, AccessLevel level, std::size_t at_level,
                          const std::vector<catalog::Action>& named) {
  if (total == 1) {
    return fmt::format("{} ({})", named.front().qualified_name(), catalog::to_string(level));
  }
  std::string out =
      at_level == total
          ? fmt::format("{} actions, all {}: ", count_text(total), catalog::to_string(level))
          : fmt::format("{} actions ({} {}), most sensitive first: ", count_text(total),
                        count_text(at_level), catalog::to_string(level));
  for (std::size_t i = 0; i < named.size(); ++i) {
    out += fmt::format("{}{}", i == 0 ? "" : ", ", named[i].qualified_name());
  }
  if (total > named.size()) out += fmt::format(" and {} more", count_text(total - named.size()));
  return out;
}

std::string describe_indices(Indices actions) {
  std::array<std::size_t, catalog::kAccessLevelCount> counts{};
  for (std::uint32_t index : actions) ++counts[static_cast<std::size_t>(level_of(index))];
  const auto level = std::find_if(kBySensitivity.begin(), kBySensitivity.end(), [&](AccessLevel l) {
    return counts[static_cast<std::size_t>(l)] > 0;
  });
  if (level == kBySensitivity.end()) return "no action";
  return grant_message(actions.size(), *level, counts[static_cast<std::size_t>(*level)],
                       most_sensitive(actions));
}

std::string describe_set(const catalog::ActionSet& actions) {
  // Word operations: a statement's set may hold most of the catalogue.
  const auto level = std::find_if(kBySensitivity.begin(), kBySensitivity.end(), [&](AccessLevel l) {
    return actions.intersects(catalog::ActionSet::at_access_level(l));
  });
  if (level == kBySensitivity.end()) return "no action";
  catalog::ActionSet at_level = actions;
  at_level &= catalog::ActionSet::at_access_level(*level);
  return grant_message(actions.count(), *level, at_level.count(), most_sensitive(actions));
}

// describe_grant's message, remembered per `key` (the actions described): ranking thousands of
// actions costs thousands of steps, and policies repeat their statements, so the same grants come
// back. The key's first byte says which overload made it.
template <class Describe>
std::string remembered_description(const std::string& key, Describe&& describe) {
  thread_local Memo<std::string> memo({.entries = 1024, .bytes = 256 << 10});
  return memo.get(key, describe);
}

}  // namespace

std::string describe_grant(Indices actions) {
  thread_local std::string key;
  key.assign("I");
  key.append(reinterpret_cast<const char*>(actions.data()), actions.size_bytes());
  return remembered_description(key, [&] { return describe_indices(actions); });
}

std::string describe_grant(const catalog::ActionSet& actions) {
  thread_local std::string key;
  key.assign("S");
  actions.append_key(key);
  return remembered_description(key, [&] { return describe_set(actions); });
}

std::vector<std::uint32_t> still_granted(Indices granted, const ast::Statement& statement,
                                         PolicyFacts& facts) {
  std::vector<std::uint32_t> out;
  const Grant* grant = facts.permissions().grant_of(statement);
  if (grant == nullptr) return out;
  const bool listed = grant->resources.form() == ResourceScope::Form::kListed;
  // Whether some entry can name a resource of a type (ResourceType::can_match), by type index:
  // the actions of one service share a few types, and each answer takes a lookup per ARN format.
  // Listed entries are never all stars (that is Form::kAny), so the types decide alone, as in
  // can_name_resource_of.
  std::vector<std::pair<std::uint32_t, bool>> named_types;
  const auto some_entry_names = [&](catalog::ResourceType type) {
    for (const auto& [known, answer] : named_types) {
      if (known == type.index()) return answer;
    }
    const auto entries = grant->resources.entries();
    const bool answer =
        std::any_of(entries.begin(), entries.end(),
                    [&](const ast::Resource& entry) { return type.can_match(entry.text.value); });
    named_types.emplace_back(type.index(), answer);
    return answer;
  };
  out.reserve(granted.size());
  const catalog::ActionSet& allowed = grant->allowed();
  for (std::uint32_t index : granted) {
    const catalog::Action action(index);
    if (!allowed.contains(action)) continue;
    // On named resources, only the actions whose resource types they can name are granted.
    if (listed) {
      const auto types = action.resource_types();
      if (std::none_of(types.begin(), types.end(), [&](catalog::ActionResource accepted) {
            return some_entry_names(accepted.type());
          })) {
        continue;
      }
    }
    out.push_back(index);
  }
  return out;
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
