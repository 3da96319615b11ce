// IAM352: a tag condition key written without its tag name, such as aws:ResourceTag or
// ec2:ResourceTag/, which no request ever carries.
#include "catalog/condition_key.h"
#include "condition/condition_key_catalog.h"
#include "engine/rule.h"

namespace iamlint::rules {
namespace {

class MissingTagKeyInCondition final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"correctness", "condition"};
  static constexpr std::string_view kCodes[] = {"MISSING_TAG_KEY_IN_CONDITION"};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM352",
      .name = "missing-tag-key-in-condition",
      .level = engine::Level::kError,
      .summary = "A tag condition key lacks the tag name it must end with",
      .tags = kTags,
      .precision = engine::Precision::kVeryHigh,
      .access_analyzer_codes = kCodes,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_condition(const ast::Statement&, const ast::Condition& condition,
                       engine::RuleContext& ctx) const override {
    std::string_view key = condition.key.value;
    std::optional<catalog::ConditionKey> meant = condition_keys::bare_tag_key(key);
    if (!meant) return;
    std::string_view stem = key.back() == '/' ? key.substr(0, key.size() - 1) : key;
    ctx.report(
        condition.key.range,
        "\"{}\" names no tag: write the tag name after a slash, as in \"{}/Project\" (the key is "
        "\"{}\")",
        key, stem, meant->name());
  }
};

IAMLINT_REGISTER_RULE(MissingTagKeyInCondition);

}  // namespace
}  // namespace iamlint::rules
