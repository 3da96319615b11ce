#include "json/document.h"

#include <algorithm>

#include <fmt/core.h>

namespace iamlint::json {

std::string_view kind_name(Kind kind) {
  switch (kind) {
    case Kind::kNull:
      return "null";
    case Kind::kBool:
      return "boolean";
    case Kind::kNumber:
      return "number";
    case Kind::kString:
      return "string";
    case Kind::kArray:
      return "array";
    case Kind::kObject:
      return "object";
  }
  return "value";
}

NodeId Document::find_member(NodeId object, std::string_view key) const {
  for (NodeId child : children(object)) {
    const Node& member = nodes_[child];
    // A name without escapes is as long as its source between the quotes, so most others are
    // told apart by their length alone.
    const bool as_written =
        (member.decoded & Node::kKeyDecoded) == 0 && member.key_range.size() >= 2;
    if (as_written && member.key_range.size() - 2 != key.size()) continue;
    if (member.key() == key) return child;
  }
  return kNoNode;
}

std::string Document::pointer(NodeId id) const {
  std::vector<std::string> tokens;
  for (NodeId at = id; nodes_[at].parent != kNoNode; at = nodes_[at].parent) {
    const Node& parent = nodes_[nodes_[at].parent];
    if (parent.is_object()) {
      std::string token;
      for (char c : nodes_[at].key()) {
        if (c == '~')
          token += "~0";
        else if (c == '/')
          token += "~1";
        else
          token += c;
      }
      tokens.push_back(std::move(token));
    } else {
      uint32_t index = 0;
      for (NodeId sibling = parent.first_child; sibling != at;
           sibling = nodes_[sibling].next_sibling) {
        ++index;
      }
      tokens.push_back(fmt::format("{}", index));
    }
  }
  std::string result;
  std::for_each(tokens.rbegin(), tokens.rend(), [&](const std::string& token) {
    result += '/';
    result += token;
  });
  return result;
}

}  // namespace iamlint::json
