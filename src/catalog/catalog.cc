#include "catalog/catalog.h"

#include "catalog/tables.h"

namespace iamlint::catalog {

std::string_view snapshot_version() {
  return tables::kVersion;
}

std::string_view snapshot_date() {
  return std::string_view(tables::kUpdated).substr(0, 10);
}

Counts counts() {
  const tables::Counts& c = tables::kCounts;
  return {c.services, c.actions, c.resource_types, c.condition_keys};
}

}  // namespace iamlint::catalog
