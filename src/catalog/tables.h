// The compiled catalogue: plain arrays that tools/gen_catalog.py writes from src/catalog/data/.
//
// Internal to src/catalog/; everything else uses the handles in service.h, action.h, ... Every
// text is a (offset, size) slice of one string blob, so the generated file is a handful of big
// aggregates that compile in seconds, and nothing runs at start-up.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace iamlint::catalog::tables {

struct Str {
  std::uint32_t offset;
  std::uint32_t size;
};

// A slice [first, first + count) of another table.
struct Span {
  std::uint32_t first;
  std::uint32_t count;
};

enum KeyFlag : std::uint8_t {
  kKeyMultivalued = 1,  // ArrayOf* types, or `multi` in the global list
  kKeyTemplated = 2,    // contains a `${X}` or `<X>` placeholder
  kKeyGlobal = 4,       // from the hand-kept global list
  kKeyDeprecated = 8,
};

struct ServiceRow {
  Str prefix;  // lower case, as in the service reference
  Str name;
  Span actions;         // into kActions
  Span resource_types;  // into kResourceTypes
  Span keys;            // into kKeyRefs
  bool rcp_supported;
};

struct ActionRow {
  Str name;  // original case; rows are sorted by (service, lower-case name)
  Str description;
  std::uint16_t service;
  std::uint8_t access_level;  // AccessLevel
  Span resources;             // into kActionResources
  Span keys;                  // into kKeyRefs
  Span dependent_actions;     // into kStrRefs
};

struct ActionResourceRow {
  std::uint32_t resource_type;  // into kResourceTypes
  bool required;
  Span keys;  // into kKeyRefs
};

struct ResourceTypeRow {
  Str name;  // original case; rows are sorted by (service, lower-case name)
  std::uint16_t service;
  Span arn_formats;  // into kArnFormats
  Span keys;         // into kKeyRefs
};

// The ARN formats whose service field names one service, which need not be the catalogue
// service that lists their resource type (kafka-cluster's formats name kafka).
struct ArnServiceRow {
  Str service;   // rows are sorted by it
  Span formats;  // into kArnFormatRefs, in catalogue order
};

struct ArnFormatRef {
  std::uint32_t resource_type;  // into kResourceTypes
  std::uint32_t format;         // into kArnFormats
};

struct ConditionKeyRow {
  Str name;            // original case; rows are sorted by lower-case name
  std::uint8_t type;   // KeyType
  std::uint8_t flags;  // KeyFlag bits
  Str replacement;     // for a deprecated key
};

// A templated key (`aws:RequestTag/${TagKey}`) with the length of the text before its first
// placeholder: only a key that starts with that text can be an instance of it. Rows are sorted by
// that text folded, table order among equals.
struct KeyTemplateRow {
  std::uint32_t key;      // into kConditionKeys
  std::uint32_t head;     // the length of that text
  std::uint32_t literal;  // characters of the name outside placeholders
};

struct RegionRow {
  Str name;  // rows are sorted by name
  std::uint16_t partition;
};

struct PairRow {
  Str key;  // rows are sorted by lower-case key
  Str value;
};

struct ServiceLimitedKeyRow {
  Str key;               // rows are sorted by lower-case key
  Str services;          // space-separated service prefixes
  Str excepted_actions;  // space-separated "service:Action" names
};

struct Counts {
  std::uint32_t services;
  std::uint32_t actions;
  std::uint32_t resource_types;
  std::uint32_t service_condition_keys;  // rows of condition_keys.tsv
  std::uint32_t condition_keys;          // distinct keys, global ones included
};

extern const char kStrings[];
extern const char kVersion[];
extern const char kUpdated[];
extern const Counts kCounts;

extern const ServiceRow kServices[];
extern const ActionRow kActions[];
// Hash tables over folded names (tools/gen_catalog.py's hash_slots, folded_hash.h): each
// slot holds a row index + 1, or 0 when empty; the count is a power of two. Services by prefix,
// actions by "prefix:Name".
extern const std::uint32_t kServiceSlots[];
extern const std::uint32_t kServiceSlotCount;
extern const std::uint32_t kActionSlots[];
extern const std::uint32_t kActionSlotCount;
extern const ActionResourceRow kActionResources[];
extern const ResourceTypeRow kResourceTypes[];
extern const Str kArnFormats[];
extern const ArnServiceRow kArnServices[];
extern const std::uint32_t kArnServiceCount;
extern const ArnFormatRef kArnFormatRefs[];
// Bitmaps over catalogue positions, 64 actions to a word, lowest bit first, every action's word
// present (ActionSet's words): one per AccessLevel, level after level, and one of the actions
// that list a resource type. Generated, so that no whole-catalogue pass builds them at run time.
extern const std::uint64_t kAccessLevelMasks[];
extern const std::uint64_t kResourceScopedMask[];
extern const ConditionKeyRow kConditionKeys[];
extern const std::uint32_t kKeyRefs[];
extern const KeyTemplateRow kKeyTemplates[];
extern const std::uint32_t kKeyTemplateCount;
extern const Str kStrRefs[];

extern const Str kPartitions[];  // sorted
extern const std::uint32_t kPartitionCount;
extern const RegionRow kRegions[];
extern const std::uint32_t kRegionCount;
extern const PairRow kUniqueIdPrefixes[];  // prefix -> entity
extern const std::uint32_t kUniqueIdPrefixCount;
extern const PairRow kKmsKeyConditionKeys[];  // key -> form
extern const std::uint32_t kKmsKeyConditionKeyCount;
extern const PairRow kApiPermissionNames[];  // operation -> comma-separated permissions
extern const std::uint32_t kApiPermissionNameCount;
extern const Str kArnNameVariables[];  // sorted
extern const std::uint32_t kArnNameVariableCount;
extern const ServiceLimitedKeyRow kServiceLimitedKeys[];
extern const std::uint32_t kServiceLimitedKeyCount;
extern const Str kRoleSessionKeys[];  // sorted by lower-case key
extern const std::uint32_t kRoleSessionKeyCount;

[[nodiscard]] inline std::string_view str(Str s) {
  return {kStrings + s.offset, s.size};
}

// The first row of a slot table whose name hashes to `hash` and satisfies `is_name(row)`.
template <class IsName>
[[nodiscard]] std::optional<std::uint32_t> find_slot(const std::uint32_t* slots,
                                                     std::uint32_t slot_count, std::uint32_t hash,
                                                     IsName is_name) {
  const std::uint32_t mask = slot_count - 1;
  for (std::uint32_t slot = hash & mask; slots[slot] != 0; slot = (slot + 1) & mask) {
    if (is_name(slots[slot] - 1)) return slots[slot] - 1;
  }
  return std::nullopt;
}

}  // namespace iamlint::catalog::tables
