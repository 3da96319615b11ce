#include "input/logical_location.h"

#include <algorithm>
#include <vector>

#include <fmt/core.h>

namespace iamlint::input {
namespace {

bool is_plain_name(std::string_view key) {
  if (key.empty()) return false;
  return std::all_of(key.begin(), key.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == ':' ||
           c == '$' || c == '@' || c == '/' || c == '*';
  });
}

std::string quoted_name(std::string_view key) {
  std::string out = "[\"";
  for (char c : key) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"]";
}

}  // namespace

uint32_t LocationFinder::index_in_parent(json::NodeId node) {
  const json::NodeId parent = doc_.node(node).parent;
  json::NodeId at = doc_.node(parent).first_child;
  uint32_t index = 0;
  if (memo_parent_ == parent && memo_child_ <= node) {
    at = memo_child_;
    index = memo_index_;
  }
  for (; at != node; at = doc_.node(at).next_sibling) ++index;
  memo_parent_ = parent;
  memo_child_ = node;
  memo_index_ = index;
  return index;
}

std::string LocationFinder::path(json::NodeId node, json::NodeId from) {
  std::vector<std::string> steps;
  for (json::NodeId at = node; at != from && doc_.node(at).parent != json::kNoNode;
       at = doc_.node(at).parent) {
    const json::Node& parent = doc_.node(doc_.node(at).parent);
    if (parent.is_object()) {
      std::string_view key = doc_.node(at).key();
      steps.push_back(is_plain_name(key) ? "." + std::string(key) : quoted_name(key));
    } else {
      steps.push_back(fmt::format("[{}]", index_in_parent(at)));
    }
  }
  std::string out;
  for (auto step = steps.rbegin(); step != steps.rend(); ++step) out += *step;
  if (out.starts_with('.')) out.erase(0, 1);
  return out;
}

// Nodes are numbered in document order, and a member's name comes before its value, so the
// start of each node's text (its name included) grows with its number.
json::NodeId LocationFinder::deepest_at(json::NodeId root, ByteRange range) const {
  const auto start = [&](json::NodeId id) {
    const json::Node& node = doc_.node(id);
    const bool member = node.parent != json::kNoNode && doc_.node(node.parent).is_object();
    return member ? node.key_range.begin : node.range.begin;
  };
  json::NodeId low = root;
  auto high = static_cast<json::NodeId>(doc_.size());
  // The last node that starts at or before the range.
  while (high - low > 1) {
    json::NodeId middle = low + (high - low) / 2;
    if (start(middle) <= range.begin) {
      low = middle;
    } else {
      high = middle;
    }
  }
  for (json::NodeId at = low; at != root && at != json::kNoNode; at = doc_.node(at).parent) {
    if (start(at) <= range.begin && range.end <= doc_.node(at).range.end) return at;
  }
  return root;
}

std::string join_locations(std::string_view outer, std::string_view inner) {
  if (outer.empty()) return std::string(inner);
  if (inner.empty()) return std::string(outer);
  if (inner.starts_with('[')) return fmt::format("{}{}", outer, inner);
  return fmt::format("{}.{}", outer, inner);
}

}  // namespace iamlint::input
