#include "catalog/lists.h"

#include <algorithm>

#include "catalog/ascii.h"
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

}  // namespace iamlint::catalog
