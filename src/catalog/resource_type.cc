#include "catalog/resource_type.h"

#include <algorithm>
#include <string>

#include "catalog/arn_match.h"
#include "catalog/condition_key.h"
#include "catalog/tables.h"
#include "support/memo.h"

namespace iamlint::catalog {
namespace {

const tables::ResourceTypeRow& row(ResourceType type) {
  return tables::kResourceTypes[type.index()];
}

SegmentRule rule_of(std::string_view segment) {
  if (segment.empty()) return SegmentRule::kForbidden;
  if (segment == "*") return SegmentRule::kAny;
  if (segment.substr(0, 2) == "${") return SegmentRule::kRequired;
  return SegmentRule::kFixed;
}

}  // namespace

std::string_view ArnFormat::text() const {
  return tables::str(tables::kArnFormats[index_]);
}

// Formats in the data always have six fields; a malformed one would read as "anything goes".
SegmentRule ArnFormat::region() const {
  const auto parts = split_arn(text());
  return parts ? rule_of(parts->region) : SegmentRule::kAny;
}

SegmentRule ArnFormat::account() const {
  const auto parts = split_arn(text());
  return parts ? rule_of(parts->account) : SegmentRule::kAny;
}

bool ArnFormat::can_match(std::string_view arn) const {
  if (arn == "*") return true;
  // Rules ask about each Resource entry for every resource type of every action they look at,
  // and policies repeat their ARNs: the answer is worth keeping per format and ARN.
  thread_local Memo<bool> memo({.entries = 1 << 14, .bytes = 1 << 20});
  thread_local std::string key;
  key.clear();
  append_numbered(key, index_, arn);
  return memo.get(key, [&] { return arn_can_match(arn, text()); });
}

Service ResourceType::service() const {
  return Service(row(*this).service);
}
std::string_view ResourceType::name() const {
  return tables::str(row(*this).name);
}

HandleRange<ArnFormat> ResourceType::arn_formats() const {
  return {row(*this).arn_formats.first, row(*this).arn_formats.count,
          [](std::uint32_t i) { return ArnFormat(i); }};
}

HandleRange<ConditionKey> ResourceType::condition_keys() const {
  return {row(*this).keys.first, row(*this).keys.count,
          [](std::uint32_t i) { return ConditionKey(tables::kKeyRefs[i]); }};
}

bool ResourceType::can_match(std::string_view arn) const {
  for (ArnFormat format : arn_formats()) {
    if (format.can_match(arn)) return true;
  }
  return false;
}

HandleRange<TypedArnFormat> arn_formats_naming(std::string_view service) {
  auto resolve = [](std::uint32_t i) {
    return TypedArnFormat{ResourceType(tables::kArnFormatRefs[i].resource_type),
                          ArnFormat(tables::kArnFormatRefs[i].format)};
  };
  const tables::ArnServiceRow* end = tables::kArnServices + tables::kArnServiceCount;
  const tables::ArnServiceRow* row = std::lower_bound(
      tables::kArnServices, end, service, [](const tables::ArnServiceRow& r, std::string_view s) {
        return tables::str(r.service) < s;
      });
  if (row == end || tables::str(row->service) != service) return {0, 0, resolve};
  return {row->formats.first, row->formats.count, resolve};
}

}  // namespace iamlint::catalog
