// IAM321: a `${...}` policy variable that IAM cannot parse.
#include "ast/policy_variable.h"
#include "engine/rule.h"

namespace iamlint::rules {
namespace {

void check_text(std::string_view text, ByteRange range, engine::RuleContext& ctx) {
  using ast::policy_variable::Problem;
  for (const ast::policy_variable::Variable& var : ast::policy_variable::find_variables(text)) {
    ByteRange where = ast::policy_variable::sub_range(range, text, var.begin, var.end);
    std::string_view written = text.substr(var.begin, var.end - var.begin);
    switch (var.problem) {
      case Problem::kNone:
        break;
      case Problem::kMissingBrace:
        ctx.report(where,
                   "Policy variable \"{}\" has no closing brace; close it with \"}}\" right after "
                   "the key name",
                   written)
            .code("MISSING_BRACE_IN_VARIABLE");
        break;
      case Problem::kMissingQuote:
        ctx.report(
               where,
               "The default value in \"{}\" is not in single quotes; write \"${{{}, 'default'}}\"",
               written, var.name)
            .code("MISSING_QUOTE_IN_VARIABLE");
        break;
      case Problem::kSpaceInName:
        ctx.report(where, "Policy variable \"{}\" has a space in its name; remove it", written)
            .code("UNSUPPORTED_SPACE_IN_VARIABLE");
        break;
      case Problem::kEmpty:
        ctx.report(where, "\"{}\" names no key; write a key such as \"${{aws:username}}\"", written)
            .code("EMPTY_VARIABLE");
        break;
    }
  }
}

class MalformedPolicyVariable final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"correctness", "policy-variable"};
  static constexpr std::string_view kCodes[] = {"MISSING_BRACE_IN_VARIABLE",
                                                "MISSING_QUOTE_IN_VARIABLE",
                                                "UNSUPPORTED_SPACE_IN_VARIABLE", "EMPTY_VARIABLE"};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM321",
      .name = "malformed-policy-variable",
      .level = engine::Level::kError,
      .summary =
          "A policy variable is malformed: no closing brace, unquoted default, space in the name, "
          "or empty",
      .tags = kTags,
      .precision = engine::Precision::kVeryHigh,
      .access_analyzer_codes = kCodes,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_statement(const ast::Statement& statement, engine::RuleContext& ctx) const override {
    // Under an older Version `${` is literal text (IAM322 says so).
    const auto& version = ctx.policy().version;
    if (!version || version->value != "2012-10-17") return;
    for (const auto* list : {&statement.resource, &statement.not_resource}) {
      if (!*list) continue;
      for (const ast::Resource& resource : (*list)->entries)
        check_text(resource.text.value, resource.text.range, ctx);
    }
    for (const ast::Condition& condition : statement.conditions) {
      for (const ast::ConditionValue& value : condition.values)
        check_text(value.text, value.range, ctx);
    }
  }
};

IAMLINT_REGISTER_RULE(MalformedPolicyVariable);

}  // namespace
}  // namespace iamlint::rules
