// IAM304: a condition key that is not of the form `prefix:name`.
#include <string>
#include <vector>

#include "catalog/suggest.h"
#include "engine/rule.h"

namespace iamlint::rules {
namespace {

bool well_formed(std::string_view key) {
  std::size_t colon = key.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon + 1 == key.size()) return false;
  return key.substr(0, colon).find_first_of(" \t*?") == std::string_view::npos;
}

class InvalidConditionKeyFormat final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"correctness", "condition"};
  static constexpr std::string_view kCodes[] = {"INVALID_CONDITION_KEY_FORMAT"};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM304",
      .name = "invalid-condition-key-format",
      .level = engine::Level::kError,
      .summary = "A condition key is not of the form prefix:name",
      .tags = kTags,
      .precision = engine::Precision::kVeryHigh,
      .access_analyzer_codes = kCodes,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_condition(const ast::Statement&, const ast::Condition& condition,
                       engine::RuleContext& ctx) const override {
    if (well_formed(condition.key.value)) return;
    std::vector<std::string> guesses = catalog::suggest_condition_keys(condition.key.value, 1);
    if (!guesses.empty()) {
      ctx.report(condition.key.range,
                 "Condition key \"{}\" is not of the form \"prefix:name\"; did you mean \"{}\"?",
                 condition.key.value, guesses.front());
    } else {
      ctx.report(condition.key.range,
                 "Condition key \"{}\" is not of the form \"prefix:name\"; write a service prefix, "
                 "a colon and the key name (e.g. \"aws:SourceIp\")",
                 condition.key.value);
    }
  }
};

IAMLINT_REGISTER_RULE(InvalidConditionKeyFormat);

}  // namespace
}  // namespace iamlint::rules
