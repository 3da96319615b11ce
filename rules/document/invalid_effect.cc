// IAM006: Effect is neither "Allow" nor "Deny". The value is case-sensitive, so
// "allow" is rejected too; the message names the spelling meant.
#include "engine/rule.h"
#include "grammar.h"

namespace iamlint::rules {
namespace {

class InvalidEffect final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"correctness"};
  static constexpr std::string_view kCodes[] = {"INVALID_EFFECT"};
  static constexpr engine::Equivalent kEquivalents[] = {{"Parliament", "MALFORMED"},
                                                        {"cfn-lint", "E3510"}};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM006",
      .name = "invalid-effect",
      .level = engine::Level::kError,
      .summary = "Effect is neither \"Allow\" nor \"Deny\"",
      .tags = kTags,
      .precision = engine::Precision::kVeryHigh,
      .access_analyzer_codes = kCodes,
      .equivalents = kEquivalents,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_statement(const ast::Statement& statement, engine::RuleContext& ctx) const override {
    if (!statement.effect_text || statement.effect != ast::Effect::kInvalid) return;
    const ast::Text& effect = *statement.effect_text;
    std::string_view meant = document::equal_ignoring_case(effect.value, "Allow")  ? "Allow"
                             : document::equal_ignoring_case(effect.value, "Deny") ? "Deny"
                                                                                   : "";
    if (!meant.empty()) {
      ctx.report(effect.range,
                 "Effect \"{}\" is not valid; the value is case-sensitive: write \"{}\"",
                 effect.value, meant);
    } else {
      ctx.report(effect.range, "Effect \"{}\" is not valid; write \"Allow\" or \"Deny\"",
                 effect.value);
    }
  }
};

IAMLINT_REGISTER_RULE(InvalidEffect);

}  // namespace
}  // namespace iamlint::rules
