// IAM305: an `aws:` condition key that does not exist, or the deprecated aws:ARN.
#include <string>
#include <vector>

#include "catalog/ascii.h"
#include "catalog/condition_key.h"
#include "catalog/suggest.h"
#include "condition/condition_key_catalog.h"
#include "condition/key_correction.h"
#include "engine/rule.h"

namespace iamlint::rules {
namespace {

class UnknownGlobalConditionKey final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"correctness", "condition"};
  static constexpr std::string_view kCodes[] = {"INVALID_GLOBAL_CONDITION_KEY",
                                                "DEPRECATED_GLOBAL_CONDITION_KEY"};
  static constexpr engine::LevelCase kOtherLevels[] = {
      {engine::Level::kWarning, "the key is deprecated rather than unknown"}};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM305",
      .name = "unknown-global-condition-key",
      .level = engine::Level::kError,
      .other_levels = kOtherLevels,
      .summary = "An aws: condition key does not exist or is deprecated",
      .tags = kTags,
      .precision = engine::Precision::kHigh,
      .access_analyzer_codes = kCodes,
      .fixable = true,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_condition(const ast::Statement&, const ast::Condition& condition,
                       engine::RuleContext& ctx) const override {
    std::string_view key = condition.key.value;
    if (!catalog::starts_with_folded(key, "aws:") ||
        // Tag keys written without their tag name are missing-tag-key-in-condition's finding.
        condition_keys::bare_tag_key(key)) {
      return;
    }
    std::optional<catalog::ConditionKey> known = catalog::find_condition_key(key);
    if (known && known->deprecated()) {
      ctx.report(condition.key.range,
                 "Global condition key \"{}\" is deprecated; use \"{}\" (or aws:SourceArn for the "
                 "resource calling on your behalf)",
                 key, known->replacement())
          .code("DEPRECATED_GLOBAL_CONDITION_KEY")
          .level(engine::Level::kWarning);
      return;
    }
    if (known) return;
    // Two, to tell whether the best is the only likely one.
    std::vector<std::string> guesses = catalog::suggest_condition_keys(key, 2);
    if (!guesses.empty()) {
      auto reported = ctx.report(condition.key.range,
                                 "\"{}\" is not an AWS global condition key; did you mean \"{}\"?",
                                 key, guesses.front());
      reported.code("INVALID_GLOBAL_CONDITION_KEY");
      if (!condition_keys::certainly_meant(key, guesses)) return;
      if (auto fix = condition_keys::replace_key(condition, guesses.front(), ctx.json()))
        reported.fix(std::move(*fix));
    } else {
      ctx.report(condition.key.range,
                 "\"{}\" is not an AWS global condition key; use a key from the global condition "
                 "context keys list",
                 key)
          .code("INVALID_GLOBAL_CONDITION_KEY");
    }
  }
};

IAMLINT_REGISTER_RULE(UnknownGlobalConditionKey);

}  // namespace
}  // namespace iamlint::rules
