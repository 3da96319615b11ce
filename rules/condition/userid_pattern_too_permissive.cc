// IAM323: an aws:userid value whose unique-ID part (before the colon) is a partial wildcard or
// variable, which matches principals of any account.
#include <string>
#include <vector>

#include "ast/policy_variable.h"
#include "catalog/ascii.h"
#include "catalog/glob.h"
#include "engine/rule.h"

namespace iamlint::rules {
namespace {

class UseridPatternTooPermissive final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"correctness", "condition"};
  static constexpr std::string_view kCodes[] = {"VARIABLE_USAGE_TOO_PERMISSIVE",
                                                "WILDCARD_USAGE_TOO_PERMISSIVE"};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM323",
      .name = "userid-pattern-too-permissive",
      .level = engine::Level::kError,
      .summary =
          "An aws:userid value has a wildcard or variable inside its unique-ID part, before the "
          "colon",
      .tags = kTags,
      .precision = engine::Precision::kMedium,
      .access_analyzer_codes = kCodes,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_condition(const ast::Statement&, const ast::Condition& condition,
                       engine::RuleContext& ctx) const override {
    if (!catalog::equals_folded(condition.key.value, "aws:userid")) return;
    for (const ast::ConditionValue& value : condition.values) {
      std::string_view text = value.text;
      // The unique ID is everything before the first colon outside a variable.
      std::vector<ast::policy_variable::Variable> vars = ast::policy_variable::find_variables(text);
      std::size_t colon = text.find(':');
      for (const ast::policy_variable::Variable& var : vars) {
        if (colon != std::string_view::npos && colon > var.begin && colon < var.end)
          colon = text.find(':', var.end);
      }
      std::string_view id = text.substr(0, colon);
      if (id.empty() || id == "*" || id == "?") continue;
      bool whole_variable =
          vars.size() == 1 && vars.front().begin == 0 && vars.front().end == id.size();
      if (whole_variable) continue;
      bool variable_in_id = !vars.empty() && vars.front().begin < id.size() && !vars.front().escape;
      if (variable_in_id) {
        ctx.report(value.range,
                   "\"{}\" puts a policy variable inside the unique-ID part of aws:userid; put it "
                   "right of the colon (\"AROAEXAMPLEID:${{aws:username}}\") or use it as the "
                   "whole ID",
                   text)
            .code("VARIABLE_USAGE_TOO_PERMISSIVE");
      } else if (catalog::has_wildcard(ast::policy_variable::without_variables(id))) {
        ctx.report(
               value.range,
               "\"{}\" puts a wildcard inside the unique-ID part of aws:userid, which can match "
               "principals of other accounts; write the full unique ID and put wildcards right of "
               "the colon",
               text)
            .code("WILDCARD_USAGE_TOO_PERMISSIVE");
      }
    }
  }
};

IAMLINT_REGISTER_RULE(UseridPatternTooPermissive);

}  // namespace
}  // namespace iamlint::rules
