// IAM001: the file (or a policy written as a string inside it) is not valid JSON, or the file is
// not valid YAML, so nothing else can be checked in it; or it is past one of iamlint's limits on
// input size, and is not checked either.
#include <algorithm>

#include "engine/rule.h"
#include "support/text.h"

namespace iamlint::rules {
namespace {

class JsonSyntaxError final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"correctness"};
  static constexpr std::string_view kCodes[] = {"JSON_SYNTAX_ERROR"};
  static constexpr engine::Equivalent kEquivalents[] = {{"Parliament", "MALFORMED_JSON"}};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM001",
      .name = "json-syntax-error",
      .level = engine::Level::kError,
      .summary =
          "The file is not valid JSON (or YAML), or past the size limits of what iamlint "
          "analyses",
      .tags = kTags,
      .precision = engine::Precision::kVeryHigh,
      .access_analyzer_codes = kCodes,
      .equivalents = kEquivalents,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_unparsable(const json::SyntaxError& error, engine::RuleContext& ctx) const override {
    // One character wide, or empty at the end of the input.
    std::string_view text = ctx.source_text();
    uint32_t offset = std::min<uint32_t>(error.offset, static_cast<uint32_t>(text.size()));
    auto width = static_cast<uint32_t>(character_length(text.substr(offset)));
    if (error.limit) {
      ctx.report({offset, offset + width}, "{}", error.message);
    } else {
      ctx.report({offset, offset + width}, "invalid {}: {}", error.language, error.message);
    }
  }
};

IAMLINT_REGISTER_RULE(JsonSyntaxError);

}  // namespace
}  // namespace iamlint::rules
