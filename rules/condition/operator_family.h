// The condition operators IAM defines, by family, shared by the condition family's rules.
//
// Header-only because rules/<family>/meson.build lists rule files only.
#pragma once

#include <algorithm>
#include <array>
#include <string_view>

#include "ast/policy.h"
#include "json/document.h"

namespace iamlint::rules::operators {

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

// The operator named `base` (case-sensitive, as written in AWS documentation), or nullptr.
inline const OperatorInfo* find(std::string_view base) {
  const auto* it = std::find_if(kOperators.begin(), kOperators.end(),
                                [&](const OperatorInfo& info) { return info.name == base; });
  return it == kOperators.end() ? nullptr : &*it;
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

// Calls visit(node_id, node) for each operator member of the statement's Condition object, in
// source order, including operators whose value is not an object (absent from the typed view).
template <class Visit>
void for_each_operator_node(const json::Document& doc, const ast::Statement& statement,
                            Visit&& visit) {
  if (statement.condition_node == json::kNoNode || !doc.node(statement.condition_node).is_object())
    return;
  for (json::NodeId id : doc.children(statement.condition_node)) visit(id, doc.node(id));
}

}  // namespace iamlint::rules::operators
