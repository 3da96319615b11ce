#include "catalog/lists.h"

#include <algorithm>

#include "catalog/ascii.h"
#include "catalog/service.h"
#include "catalog/tables.h"

namespace iamlint::catalog {
namespace {

// Rows sorted by lower-case key; `folded` says whether the lookup ignores case.
const tables::PairRow* find_pair(const tables::PairRow* rows, std::uint32_t count,
                                 std::string_view key, bool folded) {
  const tables::PairRow* end = rows + count;
  const tables::PairRow* it =
      std::lower_bound(rows, end, key, [](const tables::PairRow& r, std::string_view k) {
        return compare_folded(tables::str(r.key), k) < 0;
      });
  if (it == end) return nullptr;
  const std::string_view found = tables::str(it->key);
  return (folded ? equals_folded(found, key) : found == key) ? it : nullptr;
}

// Whether one word of the space-separated `list` satisfies `matches`.
template <class Matches>
bool any_word(std::string_view list, Matches&& matches) {
  // A plain loop rather than std::views::split, which clang 14 (the sanitizer build) cannot
  // compile against GCC 12's standard library.
  while (true) {
    const std::size_t space = list.find(' ');
    if (matches(list.substr(0, space))) return true;
    if (space == std::string_view::npos) return false;
    list.remove_prefix(space + 1);
  }
}

// The hand-kept rows turned into lookups by catalogue position, built on first use (a few
// thousand string comparisons), so that a rule can ask about every action of a statement.
struct KeyReach {
  std::vector<ServiceLimitedKey::Coverage> by_service;
  std::vector<std::uint32_t> excepted_actions;  // sorted positions
  std::size_t service_count = 0;
};

std::vector<KeyReach> build_key_reach() {
  std::vector<KeyReach> out(tables::kServiceLimitedKeyCount);
  for (std::uint32_t k = 0; k < tables::kServiceLimitedKeyCount; ++k) {
    const tables::ServiceLimitedKeyRow& row = tables::kServiceLimitedKeys[k];
    KeyReach& reach = out[k];
    any_word(tables::str(row.excepted_actions), [&](std::string_view name) {
      if (std::optional<Action> action = find_action(name))
        reach.excepted_actions.push_back(action->index());
      return false;
    });
    std::sort(reach.excepted_actions.begin(), reach.excepted_actions.end());
    for (Service service : services()) {
      ServiceLimitedKey::Coverage coverage = ServiceLimitedKey::Coverage::kNone;
      if (any_word(tables::str(row.services),
                   [&](std::string_view prefix) { return prefix == service.prefix(); })) {
        const bool has_exception =
            std::any_of(reach.excepted_actions.begin(), reach.excepted_actions.end(),
                        [&](std::uint32_t i) { return Action(i).service() == service; });
        coverage = has_exception ? ServiceLimitedKey::Coverage::kPartial
                                 : ServiceLimitedKey::Coverage::kAll;
        ++reach.service_count;
      }
      reach.by_service.push_back(coverage);
    }
  }
  return out;
}

const KeyReach& key_reach(std::uint32_t index) {
  static const std::vector<KeyReach> reach = build_key_reach();
  return reach[index];
}

}  // namespace

bool is_partition(std::string_view name) {
  const tables::Str* end = tables::kPartitions + tables::kPartitionCount;
  return std::any_of(tables::kPartitions, end,
                     [&](tables::Str s) { return tables::str(s) == name; });
}

std::vector<std::string_view> partitions() {
  std::vector<std::string_view> out;
  for (std::uint32_t i = 0; i < tables::kPartitionCount; ++i)
    out.push_back(tables::str(tables::kPartitions[i]));
  return out;
}

std::optional<std::string_view> partition_of_region(std::string_view region) {
  const tables::RegionRow* begin = tables::kRegions;
  const tables::RegionRow* end = begin + tables::kRegionCount;
  const auto* it = std::lower_bound(
      begin, end, region,
      [](const tables::RegionRow& r, std::string_view n) { return tables::str(r.name) < n; });
  if (it == end || tables::str(it->name) != region) return std::nullopt;
  return tables::str(tables::kPartitions[it->partition]);
}

std::vector<std::string_view> regions_of(std::string_view partition) {
  std::vector<std::string_view> out;
  for (std::uint32_t i = 0; i < tables::kRegionCount; ++i) {
    if (tables::str(tables::kPartitions[tables::kRegions[i].partition]) == partition) {
      out.push_back(tables::str(tables::kRegions[i].name));
    }
  }
  return out;
}

std::optional<std::string_view> unique_id_entity(std::string_view id) {
  if (id.size() < 4) return std::nullopt;
  const auto* row =
      find_pair(tables::kUniqueIdPrefixes, tables::kUniqueIdPrefixCount, id.substr(0, 4), false);
  return row ? std::optional(tables::str(row->value)) : std::nullopt;
}

std::optional<KmsKeyForm> kms_key_form(std::string_view condition_key) {
  const auto* row = find_pair(tables::kKmsKeyConditionKeys, tables::kKmsKeyConditionKeyCount,
                              condition_key, true);
  if (!row) return std::nullopt;
  return tables::str(row->value) == "arn" ? KmsKeyForm::kArn : KmsKeyForm::kIdOrArn;
}

std::string_view ServiceLimitedKey::name() const {
  return tables::str(tables::kServiceLimitedKeys[index_].key);
}

ServiceLimitedKey::Coverage ServiceLimitedKey::coverage(Service service) const {
  return key_reach(index_).by_service[service.index()];
}

bool ServiceLimitedKey::reaches(Action action) const {
  const KeyReach& reach = key_reach(index_);
  switch (reach.by_service[action.service().index()]) {
    case Coverage::kNone:
      return false;
    case Coverage::kAll:
      return true;
    case Coverage::kPartial:
      break;
  }
  return !std::binary_search(reach.excepted_actions.begin(), reach.excepted_actions.end(),
                             action.index());
}

std::size_t ServiceLimitedKey::service_count() const {
  return key_reach(index_).service_count;
}

std::optional<ServiceLimitedKey> find_service_limited_key(std::string_view key) {
  for (std::uint32_t i = 0; i < tables::kServiceLimitedKeyCount; ++i) {
    if (equals_folded(tables::str(tables::kServiceLimitedKeys[i].key), key))
      return ServiceLimitedKey(i);
  }
  return std::nullopt;
}

bool is_role_session_key(std::string_view key) {
  const tables::Str* begin = tables::kRoleSessionKeys;
  const tables::Str* end = begin + tables::kRoleSessionKeyCount;
  const tables::Str* it = std::lower_bound(begin, end, key, [](tables::Str s, std::string_view k) {
    return compare_folded(tables::str(s), k) < 0;
  });
  return it != end && equals_folded(tables::str(*it), key);
}

}  // namespace iamlint::catalog
