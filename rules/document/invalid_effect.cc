// IAM006: Effect is neither "Allow" nor "Deny". The value is case-sensitive, so
// "allow" is rejected too; the message names the spelling meant.
#include <cctype>

#include "engine/rule.h"

namespace iamlint::rules {
namespace {

constexpr std::string_view kTags[] = {"correctness"};
constexpr std::string_view kCodes[] = {"INVALID_EFFECT"};
constexpr engine::Equivalent kEquivalents[] = {{"Parliament", "MALFORMED"},
                                               {"cfn-lint", "E3510"}};

std::string lower(std::string_view text) {
  std::string result(text);
  for (char &c : result)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return result;
}

class InvalidEffect final : public engine::Rule {
public:
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
  const engine::RuleInfo &info() const override { return kInfo; }

  void check_statement(const ast::Statement &statement,
                       engine::RuleContext &ctx) const override {
    if (!statement.effect_text || statement.effect != ast::Effect::kInvalid)
      return;
    const ast::Text &effect = *statement.effect_text;
    std::string folded = lower(effect.value);
    if (folded == "allow" || folded == "deny") {
      ctx.report(effect.range,
                 "Effect \"{}\" is not valid; the value is case-sensitive: "
                 "write \"{}\"",
                 effect.value, folded == "allow" ? "Allow" : "Deny");
    } else {
      ctx.report(effect.range,
                 "Effect \"{}\" is not valid; write \"Allow\" or \"Deny\"",
                 effect.value);
    }
  }
};

IAMLINT_REGISTER_RULE(InvalidEffect);

} // namespace
} // namespace iamlint::rules
