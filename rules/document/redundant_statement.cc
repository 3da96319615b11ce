// IAM014: a statement says exactly what an earlier one says. Statements are
// compared by meaning: the Sid is ignored, and so are key order, the order and
// repetition of array entries, and the difference between "x" and ["x"] or
// between 10 and "10".
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

#include "engine/rule.h"
#include "grammar.h"
#include "support/hash.h"

namespace iamlint::rules {
namespace {

using json::NodeId;

// A text that two values share exactly when IAM reads them the same way. Length
// prefixes keep it unambiguous. Recursive, but policy elements nest only a few
// levels (operator, key, values); deeper nesting is an error that
// wrong-json-type reports, and the parser bounds the depth.
std::string canonical(const json::Document& doc, NodeId id) {
  const json::Node& node = doc.node(id);
  switch (node.kind) {
    case json::Kind::kNull:
      return "n";
    case json::Kind::kBool:
      return node.boolean ? "s4:true" : "s5:false";
    case json::Kind::kNumber:
    case json::Kind::kString:
      return fmt::format("s{}:{}", node.text().size(), node.text());
    case json::Kind::kArray: {
      std::vector<std::string> entries;
      for (NodeId entry : doc.children(id)) entries.push_back(canonical(doc, entry));
      std::sort(entries.begin(), entries.end());
      entries.erase(std::unique(entries.begin(), entries.end()), entries.end());
      if (entries.size() == 1) return entries.front();
      std::string out = "[";
      for (const std::string& entry : entries) out += fmt::format("{}:{}", entry.size(), entry);
      return out + "]";
    }
    case json::Kind::kObject: {
      std::vector<std::string> members;
      for (NodeId member : doc.children(id)) {
        const json::Node& child = doc.node(member);
        std::string value = canonical(doc, member);
        members.push_back(
            fmt::format("{}:{}={}:{}", child.key().size(), child.key(), value.size(), value));
      }
      std::sort(members.begin(), members.end());
      std::string out = "{";
      for (const std::string& member : members) out += member + ";";
      return out + "}";
    }
  }
  return {};
}

// The statement without its Sid.
std::string canonical_statement(const json::Document& doc, NodeId statement) {
  std::vector<std::string> members;
  for (NodeId member : doc.children(statement)) {
    const json::Node& child = doc.node(member);
    if (child.key() == "Sid") continue;
    std::string value = canonical(doc, member);
    members.push_back(
        fmt::format("{}:{}={}:{}", child.key().size(), child.key(), value.size(), value));
  }
  std::sort(members.begin(), members.end());
  std::string out;
  for (const std::string& member : members) out += member + ";";
  return out;
}

// A hash that agrees with canonical(): equal canonical texts give equal hashes. Order-independent
// combinations (over sorted, deduplicated child hashes) avoid building any text, so only the
// statements whose hashes collide are compared by canonical text.
uint64_t mix(uint64_t hash, uint64_t value) {
  hash ^= value + 0x9e3779b97f4a7c15ull + (hash << 6) + (hash >> 2);
  return hash;
}

// The hashes being combined, of every level at once: a call pushes its children's hashes above
// its caller's and pops them before it returns, so that hashing a statement allocates nothing
// once the buffer has grown (a vector per array and object before: a million of them
// over the managed-policy corpus).
std::vector<uint64_t>& pending_hashes() {
  thread_local std::vector<uint64_t> stack;
  return stack;
}

// Pops the hashes from `begin` up and combines them in sorted order, starting from `seed`.
// Repeats are combined once when `deduplicate` (array entries), and a lone hash is then the
// result itself ("x" and ["x"] are the same).
uint64_t pop_combined(std::size_t begin, uint64_t seed, bool deduplicate) {
  std::vector<uint64_t>& stack = pending_hashes();
  auto first = stack.begin() + static_cast<std::ptrdiff_t>(begin);
  std::sort(first, stack.end());
  if (deduplicate) stack.erase(std::unique(first, stack.end()), stack.end());
  uint64_t hash = seed;
  if (deduplicate && stack.size() - begin == 1) {
    hash = stack.back();
  } else {
    for (auto it = first; it != stack.end(); ++it) hash = mix(hash, *it);
  }
  stack.resize(begin);
  return hash;
}

uint64_t canonical_hash(const json::Document& doc, NodeId id) {
  const json::Node& node = doc.node(id);
  const std::size_t begin = pending_hashes().size();
  switch (node.kind) {
    case json::Kind::kNull:
      return 1;
    case json::Kind::kBool:
      return fast_hash(node.boolean ? "true" : "false");
    case json::Kind::kNumber:
    case json::Kind::kString:
      return fast_hash(node.text());
    case json::Kind::kArray:
      for (NodeId entry : doc.children(id)) {
        const uint64_t hash = canonical_hash(doc, entry);
        pending_hashes().push_back(hash);
      }
      return pop_combined(begin, 2, true);
    case json::Kind::kObject:
      for (NodeId member : doc.children(id)) {
        const uint64_t hash = mix(fast_hash(doc.node(member).key()), canonical_hash(doc, member));
        pending_hashes().push_back(hash);
      }
      return pop_combined(begin, 3, false);
  }
  return 0;
}

// canonical_hash of a statement without its Sid.
uint64_t statement_hash(const json::Document& doc, NodeId statement) {
  const std::size_t begin = pending_hashes().size();
  for (NodeId member : doc.children(statement)) {
    const json::Node& child = doc.node(member);
    if (child.key() == "Sid") continue;
    const uint64_t hash = mix(fast_hash(child.key()), canonical_hash(doc, member));
    pending_hashes().push_back(hash);
  }
  return pop_combined(begin, 4, false);
}

// The lengths of the shortest and the longest text in the value at `id` (a bool as the string
// canonical() makes it), widened into `shortest` and `longest`.
void text_lengths(const json::Document& doc, NodeId id, std::size_t& shortest,
                  std::size_t& longest) {
  const json::Node& node = doc.node(id);
  std::size_t length = 0;
  switch (node.kind) {
    case json::Kind::kNull:
      break;
    case json::Kind::kBool:
      length = node.boolean ? 4 : 5;
      break;
    case json::Kind::kNumber:
    case json::Kind::kString:
      length = node.text().size();
      break;
    case json::Kind::kArray:
    case json::Kind::kObject:
      for (NodeId child : doc.children(id)) text_lengths(doc, child, shortest, longest);
      return;
  }
  shortest = std::min(shortest, length);
  longest = std::max(longest, length);
}

// What statements with equal canonical_hash share, told without hashing or sorting their entries:
// each member's key with the shortest and longest text under it, the Sid aside. Neither the order
// nor the repetition of entries changes it, nor "x" against ["x"]; members are summed, in any
// order. Only statements that share it with another are hashed.
uint64_t statement_shape(const json::Document& doc, NodeId statement) {
  uint64_t shape = 0;
  for (NodeId member : doc.children(statement)) {
    const json::Node& child = doc.node(member);
    if (child.key() == "Sid") continue;
    std::size_t shortest = SIZE_MAX;
    std::size_t longest = 0;
    text_lengths(doc, member, shortest, longest);
    shape += mix(mix(fast_hash(child.key()), shortest), longest);
  }
  return shape;
}

class RedundantStatement final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"style"};
  static constexpr std::string_view kCodes[] = {"REDUNDANT_STATEMENT"};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM014",
      .name = "redundant-statement",
      .level = engine::Level::kNote,
      .summary = "A statement repeats an earlier statement of the policy",
      .tags = kTags,
      .precision = engine::Precision::kVeryHigh,
      .access_analyzer_codes = kCodes,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_policy(const ast::Policy& policy, engine::RuleContext& ctx) const override {
    // A lone statement repeats nothing: no need to hash its every entry.
    if (policy.statements.size() < 2) return;
    const json::Document& doc = ctx.json();
    // Statements by shape, then by hash; text is built only for the few whose hashes meet.
    std::vector<uint64_t> shapes;
    shapes.reserve(policy.statements.size());
    for (const ast::Statement& statement : policy.statements)
      shapes.push_back(statement_shape(doc, statement.node));
    std::vector<uint64_t> sorted_shapes = shapes;
    std::sort(sorted_shapes.begin(), sorted_shapes.end());
    auto shared = [&](uint64_t shape) {
      const auto [first, last] =
          std::equal_range(sorted_shapes.begin(), sorted_shapes.end(), shape);
      return last - first > 1;
    };
    std::unordered_map<uint64_t, std::vector<const ast::Statement*>> by_hash;
    for (std::size_t i = 0; i < policy.statements.size(); ++i) {
      if (!shared(shapes[i])) continue;
      const ast::Statement& statement = policy.statements[i];
      by_hash[statement_hash(doc, statement.node)].push_back(&statement);
    }
    for (const auto& [hash, group] : by_hash) {
      if (group.size() < 2) continue;
      std::unordered_map<std::string, const ast::Statement*> first_by_text;
      for (const ast::Statement* statement : group) {
        auto [first, inserted] =
            first_by_text.emplace(canonical_statement(doc, statement->node), statement);
        if (inserted) continue;
        ctx.report(document::opening_brace(doc.node(statement->node)),
                   "Statement[{}] repeats Statement[{}] (at most the Sid or the order of entries "
                   "differs); remove it",
                   statement->index, first->second->index)
            .related(document::opening_brace(doc.node(first->second->node)), "the same statement");
      }
    }
  }
};

IAMLINT_REGISTER_RULE(RedundantStatement);

}  // namespace
}  // namespace iamlint::rules
