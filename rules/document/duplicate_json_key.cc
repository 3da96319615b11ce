// IAM003: an object in the policy names the same key twice. JSON parsers
// disagree on which one wins, and IAM rejects such a policy, so every repeat is
// reported, pointing back at the first.
#include <unordered_map>
#include <vector>

#include "engine/rule.h"

namespace iamlint::rules {
namespace {

using json::NodeId;

class DuplicateJsonKey final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"correctness"};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM003",
      .name = "duplicate-json-key",
      .level = engine::Level::kError,
      .summary = "An object in the policy has the same key twice",
      .tags = kTags,
      .precision = engine::Precision::kVeryHigh,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_policy(const ast::Policy& policy, engine::RuleContext& ctx) const override {
    const json::Document& doc = ctx.json();
    // Iterative, as the tree may be as deep as the parser allows.
    std::vector<NodeId> pending = {policy.node};
    std::unordered_map<std::string_view, NodeId> first_by_key;
    while (!pending.empty()) {
      NodeId id = pending.back();
      pending.pop_back();
      const json::Node& node = doc.node(id);
      if (!node.is_container()) continue;
      for (NodeId child : doc.children(id)) pending.push_back(child);
      if (node.is_object()) check_object(doc, id, first_by_key, ctx);
    }
  }

 private:
  // Objects of this many members or fewer, nearly all of them, are searched pairwise in place;
  // larger ones through the map, which costs a node per member but keeps them linear.
  static constexpr uint32_t kSearchedInPlace = 16;

  static void check_object(const json::Document& doc, NodeId object,
                           std::unordered_map<std::string_view, NodeId>& first_by_key,
                           engine::RuleContext& ctx) {
    first_by_key.clear();
    const bool few = doc.node(object).child_count <= kSearchedInPlace;
    for (NodeId child : doc.children(object)) {
      const json::Node& member = doc.node(child);
      NodeId first = json::kNoNode;
      if (few) {
        for (NodeId earlier : doc.children(object)) {
          if (earlier == child) break;
          if (doc.node(earlier).key() == member.key()) {
            first = earlier;
            break;
          }
        }
      } else if (auto [found, inserted] = first_by_key.emplace(member.key(), child); !inserted) {
        first = found->second;
      }
      if (first == json::kNoNode) continue;
      ctx.report(member.key_range,
                 "key \"{}\" appears twice in this object; IAM rejects the policy, so merge the "
                 "two values under one key",
                 member.key())
          .related(doc.node(first).key_range, "first occurrence");
    }
  }
};

IAMLINT_REGISTER_RULE(DuplicateJsonKey);

}  // namespace
}  // namespace iamlint::rules
