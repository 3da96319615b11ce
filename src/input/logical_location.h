// Logical locations: where a value sits in the structure of its file, for people and for SARIF's
// logicalLocations, e.g. "Resources.BuildRole.Properties.AssumeRolePolicyDocument.Statement[0]
// .Principal" or "resource_changes[3].change.after.policy".
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "json/document.h"
#include "support/byte_range.h"

namespace iamlint::input {

// Finds the deepest value of a tree that holds a range, and names it by its path.
class LocationFinder {
 public:
  explicit LocationFinder(const json::Document& doc) : doc_(doc) {}

  // The path from `from` (exclusive; the root of the tree when kNoNode) to `node`: member names
  // joined by '.', array indexes as "[3]", names that are not plain words as ["a name"].
  [[nodiscard]] std::string path(json::NodeId node, json::NodeId from = json::kNoNode);

  // The deepest value under `root` (itself included) whose text, or member name, holds `range`.
  [[nodiscard]] json::NodeId deepest_at(json::NodeId root, ByteRange range) const;

 private:
  [[nodiscard]] uint32_t index_in_parent(json::NodeId node);

  const json::Document& doc_;
  // The last index found, so that findings in one long array do not each count from its start.
  json::NodeId memo_parent_ = json::kNoNode;
  json::NodeId memo_child_ = json::kNoNode;
  uint32_t memo_index_ = 0;
};

// "a.b" from "a" and "b", or either alone when the other is empty; "a[0]" from "a" and "[0]".
[[nodiscard]] std::string join_locations(std::string_view outer, std::string_view inner);

}  // namespace iamlint::input
