// IAM001: the file is not valid JSON, so nothing else can be checked in it.
#include <algorithm>

#include "engine/rule.h"

namespace iamlint::rules {
namespace {

constexpr std::string_view kTags[] = {"correctness"};
constexpr std::string_view kCodes[] = {"JSON_SYNTAX_ERROR"};
constexpr engine::Equivalent kEquivalents[] = {{"Parliament", "MALFORMED_JSON"}};

class JsonSyntaxError final : public engine::Rule {
 public:
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM001",
      .name = "json-syntax-error",
      .level = engine::Level::kError,
      .summary = "The file is not valid JSON",
      .tags = kTags,
      .precision = engine::Precision::kVeryHigh,
      .access_analyzer_codes = kCodes,
      .equivalents = kEquivalents,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_unparsable(const json::SyntaxError& error, engine::RuleContext& ctx) const override {
    // One character wide, or empty at the end of the input.
    uint32_t end = std::min<uint32_t>(error.offset + 1, static_cast<uint32_t>(ctx.source_text().size()));
    ctx.report({error.offset, end}, "invalid JSON: {}", error.message);
  }
};

IAMLINT_REGISTER_RULE(JsonSyntaxError);

}  // namespace
}  // namespace iamlint::rules
