// Condition keys: service keys from the snapshot plus the hand-kept global `aws:` keys, with
// type and cardinality. Templated keys (`aws:RequestTag/${TagKey}`, `s3:ExistingObjectTag/<key>`)
// stand for every key that fills their placeholders.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace iamlint::catalog {

enum class KeyType : std::uint8_t { kString, kArn, kNumeric, kDate, kBool, kIpAddress, kBinary };

// "String", "ARN", "Numeric", "Date", "Bool", "IPAddress", "Binary": the service reference's names.
[[nodiscard]] std::string_view to_string(KeyType type);

class ConditionKey {
 public:
  explicit constexpr ConditionKey(std::uint32_t index) : index_(index) {}

  [[nodiscard]] constexpr std::uint32_t index() const { return index_; }
  [[nodiscard]] std::string_view name() const;  // original case, placeholders included
  [[nodiscard]] KeyType type() const;
  [[nodiscard]] bool multivalued() const;       // ArrayOf*: takes ForAllValues/ForAnyValue
  [[nodiscard]] std::string type_name() const;  // e.g. "ArrayOfARN"
  [[nodiscard]] bool templated() const;
  [[nodiscard]] bool global() const;  // from the hand-kept `aws:` list
  [[nodiscard]] bool deprecated() const;
  [[nodiscard]] std::string_view replacement() const;  // for a deprecated key, else empty

  friend constexpr bool operator==(ConditionKey, ConditionKey) = default;

 private:
  std::uint32_t index_;
};

// Case-insensitive. An exact entry wins; otherwise the templated key whose literal text covers
// most of `key` (so `aws:RequestTag/Project` finds `aws:RequestTag/${TagKey}`).
[[nodiscard]] std::optional<ConditionKey> find_condition_key(std::string_view key);

// Whether `key` is an instance of `key_template`: each placeholder (`${X}` or `<X>`) stands
// for one or more characters; the rest compares case-insensitively.
[[nodiscard]] bool key_template_matches(std::string_view key_template, std::string_view key);

[[nodiscard]] std::uint32_t condition_key_count();
[[nodiscard]] ConditionKey condition_key_at(std::uint32_t index);

}  // namespace iamlint::catalog
