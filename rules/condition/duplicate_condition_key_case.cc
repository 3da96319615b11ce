// IAM303: one operator block names the same condition key twice in different letter case.
#include <vector>

#include "catalog/ascii.h"
#include "condition/operator_family.h"
#include "engine/rule.h"

namespace iamlint::rules {
namespace {

constexpr std::string_view kTags[] = {"correctness", "condition"};
constexpr std::string_view kCodes[] = {"DUPLICATE_KEYS_WITH_DIFFERENT_CASE"};

class DuplicateConditionKeyCase final : public engine::Rule {
 public:
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
    operators::for_each_operator_node(
        doc, statement, [&](json::NodeId op_id, const json::Node& op) {
          if (!op.is_object()) return;
          std::vector<const json::Node*> seen;
          for (json::NodeId key_id : doc.children(op_id)) {
            const json::Node& key = doc.node(key_id);
            for (const json::Node* earlier : seen) {
              // Exact duplicates are a JSON duplicate-key problem, reported by the document family.
              if (earlier->key == key.key || !catalog::equals_folded(earlier->key, key.key))
                continue;
              ctx.report(
                     key.key_range,
                     "Condition key \"{}\" repeats \"{}\" under \"{}\" (key names ignore case); "
                     "merge their values under one key",
                     key.key, earlier->key, op.key)
                  .related(earlier->key_range, "first written here");
              break;
            }
            seen.push_back(&key);
          }
        });
  }
};

IAMLINT_REGISTER_RULE(DuplicateConditionKeyCase);

}  // namespace
}  // namespace iamlint::rules
