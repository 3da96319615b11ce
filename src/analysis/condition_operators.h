// The condition operators IAM defines, by family: what the rules that check a condition's grammar
// and the permission model that decides what a condition narrows both need to know.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ast/policy.h"

namespace iamlint::analysis::operators {

enum class Family { kString, kNumeric, kDate, kBool, kBinary, kIp, kArn, kNull, kUnknown };

struct OperatorInfo {
  std::string_view name;
  Family family;
  bool negated;  // matches when the value differs: several values then act as AND
  bool like;     // `*` and `?` are wildcards in its values
};

// Source: "IAM JSON policy elements: Condition operators" (base names, without ForAllValues:,
// ForAnyValue: and IfExists). ArnEquals matches like ArnLike, so both take wildcards.
inline constexpr std::array<OperatorInfo, 27> kOperators = {{
    {"ArnEquals", Family::kArn, false, true},
    {"ArnLike", Family::kArn, false, true},
    {"ArnNotEquals", Family::kArn, true, true},
    {"ArnNotLike", Family::kArn, true, true},
    {"BinaryEquals", Family::kBinary, false, false},
    {"Bool", Family::kBool, false, false},
    {"DateEquals", Family::kDate, false, false},
    {"DateGreaterThan", Family::kDate, false, false},
    {"DateGreaterThanEquals", Family::kDate, false, false},
    {"DateLessThan", Family::kDate, false, false},
    {"DateLessThanEquals", Family::kDate, false, false},
    {"DateNotEquals", Family::kDate, true, false},
    {"IpAddress", Family::kIp, false, false},
    {"NotIpAddress", Family::kIp, true, false},
    {"Null", Family::kNull, false, false},
    {"NumericEquals", Family::kNumeric, false, false},
    {"NumericGreaterThan", Family::kNumeric, false, false},
    {"NumericGreaterThanEquals", Family::kNumeric, false, false},
    {"NumericLessThan", Family::kNumeric, false, false},
    {"NumericLessThanEquals", Family::kNumeric, false, false},
    {"NumericNotEquals", Family::kNumeric, true, false},
    {"StringEquals", Family::kString, false, false},
    {"StringEqualsIgnoreCase", Family::kString, false, false},
    {"StringLike", Family::kString, false, true},
    {"StringNotEquals", Family::kString, true, false},
    {"StringNotEqualsIgnoreCase", Family::kString, true, false},
    {"StringNotLike", Family::kString, true, true},
}};

// kOperators' positions in an open-addressing table, by a hash of the name's length and first
// letter (which alone tell the 27 apart), built at compile time: the rules and the model ask about
// each condition's operator a dozen times, and a scan of the list compared every name.
inline constexpr std::size_t kOperatorSlots = 64;
inline constexpr std::uint8_t kNoOperator = UINT8_MAX;

constexpr std::size_t operator_slot(std::string_view name) {
  return (name.size() * 7 + static_cast<unsigned char>(name.front())) % kOperatorSlots;
}

inline constexpr std::array<std::uint8_t, kOperatorSlots> kOperatorTable = [] {
  std::array<std::uint8_t, kOperatorSlots> table{};
  table.fill(kNoOperator);
  for (std::size_t i = 0; i < kOperators.size(); ++i) {
    std::size_t slot = operator_slot(kOperators[i].name);
    while (table[slot] != kNoOperator) slot = (slot + 1) % kOperatorSlots;
    table[slot] = static_cast<std::uint8_t>(i);
  }
  return table;
}();

// The operator named `base` (case-sensitive, as written in AWS documentation), or nullptr. The
// table has free slots, so every probe sequence ends.
inline const OperatorInfo* find(std::string_view base) {
  if (base.empty()) return nullptr;
  for (std::size_t slot = operator_slot(base);; slot = (slot + 1) % kOperatorSlots) {
    const std::uint8_t i = kOperatorTable[slot];
    if (i == kNoOperator) return nullptr;
    if (kOperators[i].name == base) return &kOperators[i];
  }
}

inline Family family_of(const ast::ConditionOperator& op) {
  const OperatorInfo* info = find(op.base);
  return info ? info->family : Family::kUnknown;
}

inline bool is_negated(const ast::ConditionOperator& op) {
  const OperatorInfo* info = find(op.base);
  return info && info->negated;
}

inline bool is_like(const ast::ConditionOperator& op) {
  const OperatorInfo* info = find(op.base);
  return info && info->like;
}

}  // namespace iamlint::analysis::operators
