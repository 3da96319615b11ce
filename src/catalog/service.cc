#include "catalog/service.h"

#include <algorithm>

#include "catalog/action.h"
#include "catalog/ascii.h"
#include "catalog/condition_key.h"
#include "catalog/folded_hash.h"
#include "catalog/resource_type.h"
#include "catalog/tables.h"

namespace iamlint::catalog {
namespace {

const tables::ServiceRow& row(Service service) {
  return tables::kServices[service.index()];
}

// Binary search of rows [first, first + count) sorted by folded name.
template <class Row>
std::optional<std::uint32_t> find_folded(const Row* rows, tables::Span span,
                                         std::string_view name) {
  const Row* begin = rows + span.first;
  const Row* end = begin + span.count;
  const Row* it = std::lower_bound(begin, end, name, [](const Row& r, std::string_view n) {
    return compare_folded(tables::str(r.name), n) < 0;
  });
  if (it == end || !equals_folded(tables::str(it->name), name)) return std::nullopt;
  return static_cast<std::uint32_t>(it - rows);
}

}  // namespace

std::string_view Service::prefix() const {
  return tables::str(row(*this).prefix);
}
std::string_view Service::name() const {
  return tables::str(row(*this).name);
}
bool Service::rcp_supported() const {
  return row(*this).rcp_supported;
}

HandleRange<Action> Service::actions() const {
  return {row(*this).actions.first, row(*this).actions.count,
          [](std::uint32_t i) { return Action(i); }};
}

HandleRange<ResourceType> Service::resource_types() const {
  return {row(*this).resource_types.first, row(*this).resource_types.count,
          [](std::uint32_t i) { return ResourceType(i); }};
}

HandleRange<ConditionKey> Service::condition_keys() const {
  return {row(*this).keys.first, row(*this).keys.count,
          [](std::uint32_t i) { return ConditionKey(tables::kKeyRefs[i]); }};
}

std::optional<Action> Service::find_action(std::string_view name) const {
  const std::uint32_t hash = folded_hash(name, folded_hash(":", folded_hash(prefix())));
  const auto index =
      tables::find_slot(tables::kActionSlots, tables::kActionSlotCount, hash, [&](std::uint32_t i) {
        return tables::kActions[i].service == index_ &&
               equals_folded(tables::str(tables::kActions[i].name), name);
      });
  return index ? std::optional(Action(*index)) : std::nullopt;
}

std::optional<ResourceType> Service::find_resource_type(std::string_view name) const {
  const auto index = find_folded(tables::kResourceTypes, row(*this).resource_types, name);
  return index ? std::optional(ResourceType(*index)) : std::nullopt;
}

bool Service::has_condition_key(std::string_view key) const {
  for (ConditionKey k : condition_keys()) {
    if (k.templated() ? key_template_matches(k.name(), key) : equals_folded(k.name(), key))
      return true;
  }
  return false;
}

std::optional<Service> find_service(std::string_view prefix) {
  const auto index = tables::find_slot(
      tables::kServiceSlots, tables::kServiceSlotCount, folded_hash(prefix), [&](std::uint32_t i) {
        return equals_folded(tables::str(tables::kServices[i].prefix), prefix);
      });
  return index ? std::optional(Service(*index)) : std::nullopt;
}

HandleRange<Service> services() {
  return {0, tables::kCounts.services, [](std::uint32_t i) { return Service(i); }};
}

}  // namespace iamlint::catalog
