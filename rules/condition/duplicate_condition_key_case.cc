// IAM303: one operator block names the same condition key twice in different letter case.
#include <string>
#include <unordered_map>

#include "catalog/ascii.h"
#include "condition/operator_family.h"
#include "engine/rule.h"

namespace iamlint::rules {
namespace {

class DuplicateConditionKeyCase final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"correctness", "condition"};
  static constexpr std::string_view kCodes[] = {"DUPLICATE_KEYS_WITH_DIFFERENT_CASE"};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM303",
      .name = "duplicate-condition-key-case",
      .level = engine::Level::kError,
      .summary =
          "An operator block names the same condition key twice, differing only in letter case",
      .tags = kTags,
      .precision = engine::Precision::kVeryHigh,
      .access_analyzer_codes = kCodes,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_statement(const ast::Statement& statement, engine::RuleContext& ctx) const override {
    const json::Document& doc = ctx.json();
    operators::for_each_operator_node(doc, statement,
                                      [&](json::NodeId op_id, const json::Node& op) {
                                        if (op.is_object()) check_block(doc, op_id, op, ctx);
                                      });
  }

 private:
  // The first two spellings of one key in a block, in source order. A key written in a third
  // spelling is reported against the first, so two are all a report needs, and the check stays
  // linear however many keys a block holds.
  struct Spellings {
    const json::Node* first = nullptr;
    const json::Node* second = nullptr;  // the first spelling that differs from `first`
  };

  static void check_block(const json::Document& doc, json::NodeId op_id, const json::Node& op,
                          engine::RuleContext& ctx) {
    std::unordered_map<std::string, Spellings> by_folded_key;
    for (json::NodeId key_id : doc.children(op_id)) {
      const json::Node& key = doc.node(key_id);
      Spellings& seen = by_folded_key[catalog::to_folded(key.key())];
      if (!seen.first) {
        seen.first = &key;
        continue;
      }
      // Exact duplicates are a JSON duplicate-key problem, reported by the document family.
      const json::Node* earlier = seen.first->key() != key.key() ? seen.first : seen.second;
      if (!seen.second && seen.first->key() != key.key()) seen.second = &key;
      if (!earlier) continue;
      ctx.report(key.key_range,
                 "Condition key \"{}\" repeats \"{}\" under \"{}\" (key names ignore case); merge "
                 "their values under one key",
                 key.key(), earlier->key(), op.key())
          .related(earlier->key_range, "first written here");
    }
  }
};

IAMLINT_REGISTER_RULE(DuplicateConditionKeyCase);

}  // namespace
}  // namespace iamlint::rules
