// A lossless JSON tree: every value keeps its byte range, objects keep member order and
// duplicate keys (IAM rejects duplicates, so the linter must see them).
//
// Nodes live in one vector and refer to each other by index, so a tree of any shape is freed
// without recursion. A node keeps no string of its own: strings without escapes are read from the
// source text through the node's byte ranges, and the others are decoded once into storage owned
// by the Document. A Document must not outlive its source text.
//
// A node takes 48 bytes, which bounds the memory of a dense text: an account export of 40 MB holds
// about a million values, and a crafted text of 4 MiB up to max_values (json/parser.h).
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "support/assert.h"
#include "support/byte_range.h"

namespace iamlint::json {

using NodeId = uint32_t;
inline constexpr NodeId kNoNode = UINT32_MAX;

enum class Kind : uint8_t { kNull, kBool, kNumber, kString, kArray, kObject };

// "null", "boolean", "number", "string", "array" or "object", for messages.
[[nodiscard]] std::string_view kind_name(Kind kind);

// Where the text of one Document's nodes is. It stays in place when the Document moves, so that
// each node can point at it.
struct TextStore {
  std::string_view source;
  std::deque<std::string> decoded;  // strings that held escapes; a deque never moves its elements
};

struct Node {
  Kind kind = Kind::kNull;
  bool boolean = false;  // the value of a kBool
  // A value that stands for one known only when the policy is deployed: a CloudFormation
  // intrinsic function such as {"Fn::Sub": "arn:${AWS::Partition}:s3:::${Bucket}"}. It satisfies
  // the grammar wherever a value may stand, and lowering leaves it out of the typed policy.
  bool opaque = false;
  uint8_t decoded = 0;  // kKeyDecoded and kTextDecoded: which strings are in store->decoded
  ByteRange range;      // the whole value, quotes and brackets included
  ByteRange key_range;  // the member name with its quotes; empty when the parent is not an object
  NodeId parent = kNoNode;
  NodeId first_child = kNoNode;
  NodeId next_sibling = kNoNode;
  uint32_t child_count = 0;
  uint32_t first_decoded = 0;  // index in store->decoded of the key, else the text, when decoded
  const TextStore* store = nullptr;

  static constexpr uint8_t kKeyDecoded = 1;
  static constexpr uint8_t kTextDecoded = 2;

  // The decoded string, or a number exactly as written; empty for other kinds.
  [[nodiscard]] std::string_view text() const {
    if (kind == Kind::kNumber) return store->source.substr(range.begin, range.size());
    if (kind != Kind::kString) return {};
    if (decoded & kTextDecoded) {
      return store->decoded[first_decoded + ((decoded & kKeyDecoded) != 0 ? 1 : 0)];
    }
    return store->source.substr(range.begin + 1, range.size() - 2);
  }
  // The decoded member name, when the parent is an object.
  [[nodiscard]] std::string_view key() const {
    if (decoded & kKeyDecoded) return store->decoded[first_decoded];
    if (key_range.size() < 2) return {};
    return store->source.substr(key_range.begin + 1, key_range.size() - 2);
  }

  [[nodiscard]] bool is_string() const { return kind == Kind::kString; }
  [[nodiscard]] bool is_array() const { return kind == Kind::kArray; }
  [[nodiscard]] bool is_object() const { return kind == Kind::kObject; }
  [[nodiscard]] bool is_container() const { return is_array() || is_object(); }
};
static_assert(sizeof(Node) <= 48, "the memory bound of a dense text counts on small nodes");

class Document {
 public:
  // Iterates the children of a node (array elements or object members) in source order.
  class Children {
   public:
    class Iterator {
     public:
      Iterator(const Document* doc, NodeId id) : doc_(doc), id_(id) {}
      NodeId operator*() const { return id_; }
      Iterator& operator++() {
        id_ = doc_->node(id_).next_sibling;
        return *this;
      }
      friend bool operator==(const Iterator&, const Iterator&) = default;

     private:
      const Document* doc_;
      NodeId id_;
    };
    Children(const Document* doc, NodeId first) : doc_(doc), first_(first) {}
    [[nodiscard]] Iterator begin() const { return {doc_, first_}; }
    [[nodiscard]] Iterator end() const { return {doc_, kNoNode}; }

   private:
    const Document* doc_;
    NodeId first_;
  };

  [[nodiscard]] NodeId root() const { return nodes_.empty() ? kNoNode : 0; }
  // `id` must name a node of this document; kNoNode (an absent child or parent) names none.
  [[nodiscard]] const Node& node(NodeId id) const {
    IAMLINT_DEBUG_ASSERT(id < nodes_.size());
    return nodes_[id];
  }
  [[nodiscard]] Children children(NodeId id) const { return {this, node(id).first_child}; }
  [[nodiscard]] std::size_t size() const { return nodes_.size(); }

  // The first member named exactly `key`, or kNoNode. Duplicates are found by iterating.
  [[nodiscard]] NodeId find_member(NodeId object, std::string_view key) const;

  // RFC 6901 pointer to a node, e.g. "/Statement/0/Action".
  [[nodiscard]] std::string pointer(NodeId id) const;

  // Marks a value as opaque (see Node::opaque); the container formats that have such values
  // (CloudFormation) say which they are.
  void mark_opaque(NodeId id) { nodes_[id].opaque = true; }

 private:
  friend class TreeBuilder;
  std::vector<Node> nodes_;
  std::unique_ptr<TextStore> store_ = std::make_unique<TextStore>();
};

}  // namespace iamlint::json
