// The condition operators IAM defines (analysis/condition_operators.h), as the condition family's
// rules use them, and a walk over a Condition's operator nodes.
//
// Header-only because rules/<family>/meson.build lists rule files only.
#pragma once

#include "analysis/condition_operators.h"
#include "ast/policy.h"
#include "catalog/ascii.h"
#include "catalog/condition_key.h"
#include "json/document.h"

namespace iamlint::rules::operators {

using analysis::operators::Family;
using analysis::operators::family_of;
using analysis::operators::find;
using analysis::operators::is_like;
using analysis::operators::is_negated;
using analysis::operators::kOperators;
using analysis::operators::OperatorInfo;

// Whether the operators of `family` compare values of the key's `type` (IAM355 reports those that
// do not).
inline bool compares(Family family, catalog::KeyType type, std::string_view key) {
  using catalog::KeyType;
  switch (family) {
    case Family::kString:
      return type == KeyType::kString || type == KeyType::kArn;
    // ARN operators compare ARN-shaped strings, which String keys often hold
    // (kms:EncryptionContext:aws:s3:arn).
    case Family::kArn:
      return type == KeyType::kArn || type == KeyType::kString;
    // aws:EpochTime is documented as both Date and Numeric.
    case Family::kNumeric:
      return type == KeyType::kNumeric ||
             (type == KeyType::kDate && catalog::equals_folded(key, "aws:EpochTime"));
    case Family::kDate:
      return type == KeyType::kDate;
    case Family::kBool:
      return type == KeyType::kBool;
    case Family::kIp:
      return type == KeyType::kIpAddress;
    case Family::kBinary:
      return type == KeyType::kBinary;
    case Family::kNull:
    case Family::kUnknown:
      return true;
  }
  return true;
}

// Calls visit(node_id, node) for each operator member of the statement's Condition object, in
// source order, including operators whose value is not an object (absent from the typed view).
// An opaque Condition (a CloudFormation intrinsic function) has no operators to visit.
template <class Visit>
void for_each_operator_node(const json::Document& doc, const ast::Statement& statement,
                            Visit&& visit) {
  if (statement.condition_node == json::kNoNode ||
      !doc.node(statement.condition_node).is_object() || doc.node(statement.condition_node).opaque)
    return;
  for (json::NodeId id : doc.children(statement.condition_node)) visit(id, doc.node(id));
}

}  // namespace iamlint::rules::operators
