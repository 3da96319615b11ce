#include "engine/suppression.h"

#include <algorithm>

#include "catalog/glob.h"

namespace iamlint::engine {
namespace {

bool any_matches(std::span<const std::string> patterns, std::string_view text) {
  return std::any_of(patterns.begin(), patterns.end(), [&](const std::string& pattern) {
    return catalog::glob_match_folded(pattern, text);
  });
}

bool contains(ByteRange outer, ByteRange inner) {
  return outer.begin <= inner.begin && inner.end <= outer.end;
}

const ast::Statement* statement_of(const ast::Policy& policy, ByteRange range) {
  for (const ast::Statement& statement : policy.statements) {
    if (contains(statement.range, range)) return &statement;
  }
  return nullptr;
}

// The entry the finding points at, if it is one of `list`; else every entry must match.
template <class Entry>
bool list_matches(std::span<const std::string> patterns,
                  const std::optional<ast::EntryList<Entry>>& list, ByteRange finding) {
  if (!list) return false;
  for (const Entry& entry : list->entries) {
    if (contains(entry.text.range, finding)) return any_matches(patterns, entry.text.value);
  }
  return !list->entries.empty() &&
         std::all_of(list->entries.begin(), list->entries.end(),
                     [&](const Entry& entry) { return any_matches(patterns, entry.text.value); });
}

template <class Entry>
bool element_matches(std::span<const std::string> patterns,
                     const std::optional<ast::EntryList<Entry>>& list,
                     const std::optional<ast::EntryList<Entry>>& not_list, ByteRange finding) {
  return patterns.empty() || list_matches(patterns, list, finding) ||
         list_matches(patterns, not_list, finding);
}

}  // namespace

bool suppresses(const Suppression& suppression, const Finding& finding, const ast::Policy& policy) {
  if (finding.rule != suppression.rule) return false;
  if (suppression.sids.empty() && suppression.actions.empty() && suppression.resources.empty())
    return true;
  const ast::Statement* statement = statement_of(policy, finding.range);
  if (statement == nullptr) return false;
  if (!suppression.sids.empty() &&
      !(statement->sid && any_matches(suppression.sids, statement->sid->value))) {
    return false;
  }
  return element_matches(suppression.actions, statement->action, statement->not_action,
                         finding.range) &&
         element_matches(suppression.resources, statement->resource, statement->not_resource,
                         finding.range);
}

}  // namespace iamlint::engine
