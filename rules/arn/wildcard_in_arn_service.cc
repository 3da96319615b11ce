// IAM102: a wildcard in the service field of an ARN, which IAM does not expand there.
#include "arn_values.h"
#include "engine/rule.h"

namespace iamlint::rules {
namespace {

class WildcardInArnService final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"correctness", "arn"};
  static constexpr std::string_view kCodes[] = {"WILDCARD_IN_SERVICE_NAME"};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM102",
      .name = "wildcard-in-arn-service",
      .level = engine::Level::kNote,
      .summary = "An ARN has a wildcard in its service field",
      .tags = kTags,
      .precision = engine::Precision::kVeryHigh,
      .access_analyzer_codes = kCodes,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_statement(const ast::Statement& statement, engine::RuleContext& ctx) const override {
    arn::for_each_arn_value(statement, [&](const ast::Text& text, arn::ArnSource) {
      std::optional<ast::Arn> parts = ast::split_arn(text.value);
      if (!parts || parts->service.find_first_of("*?") == std::string_view::npos) return;
      ctx.report(
          text.range,
          "ARN \"{}\" has a wildcard in its service field \"{}\"; name the service (one ARN per "
          "service), or use \"*\" for the whole resource",
          text.value, parts->service);
    });
  }
};

IAMLINT_REGISTER_RULE(WildcardInArnService);

}  // namespace
}  // namespace iamlint::rules
