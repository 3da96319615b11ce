// IAM322: a policy variable where IAM does not evaluate it: outside Resource and Condition values,
// under a Version older than 2012-10-17, or with an operator other than String and ARN.
#include "ast/policy_variable.h"
#include "condition/operator_family.h"
#include "engine/rule.h"

namespace iamlint::rules {
namespace {

class UnsupportedPolicyVariable final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"correctness", "policy-variable"};
  static constexpr std::string_view kCodes[] = {"VARIABLE_UNSUPPORTED_IN_ELEMENT",
                                                "VARIABLE_UNSUPPORTED_IN_VERSION",
                                                "INVALID_VARIABLE_FOR_OPERATOR"};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM322",
      .name = "unsupported-policy-variable",
      .level = engine::Level::kError,
      .summary = "A policy variable is used where IAM does not evaluate it",
      .tags = kTags,
      .precision = engine::Precision::kHigh,
      .access_analyzer_codes = kCodes,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_statement(const ast::Statement& statement, engine::RuleContext& ctx) const override {
    report_in_element(statement.action, ctx);
    report_in_element(statement.not_action, ctx);
    report_in_principal(statement.principal, "Principal", ctx);
    report_in_principal(statement.not_principal, "NotPrincipal", ctx);

    const auto& version = ctx.policy().version;
    const bool current = version && version->value == "2012-10-17";
    for (const auto* list : {&statement.resource, &statement.not_resource}) {
      if (!*list) continue;
      for (const ast::Resource& resource : (*list)->entries) {
        if (!current) report_version(resource.text.value, resource.text.range, version, ctx);
      }
    }
    for (const ast::Condition& condition : statement.conditions) {
      operators::Family family = operators::family_of(condition.op);
      const bool takes_variables = family == operators::Family::kString ||
                                   family == operators::Family::kArn ||
                                   family == operators::Family::kUnknown;
      for (const ast::ConditionValue& value : condition.values) {
        if (!ast::policy_variable::has_lookup(value.text)) continue;
        if (!current) {
          report_version(value.text, value.range, version, ctx);
        } else if (!takes_variables) {
          ctx.report(value.range,
                     "{} does not evaluate policy variables, so \"{}\" is compared literally; use "
                     "a String or Arn operator, or write the value itself",
                     condition.op.text.value, value.text)
              .code("INVALID_VARIABLE_FOR_OPERATOR");
        }
      }
    }
  }

 private:
  static void report_in_element(const std::optional<ast::EntryList<ast::Action>>& list,
                                engine::RuleContext& ctx) {
    if (!list) return;
    for (const ast::Action& action : list->entries) {
      if (ast::policy_variable::find_variables(action.text.value).empty()) continue;
      ctx.report(action.text.range,
                 "{} \"{}\" contains a policy variable, which IAM evaluates only in Resource and "
                 "Condition values; write the action name",
                 list->name.value, action.text.value)
          .code("VARIABLE_UNSUPPORTED_IN_ELEMENT");
    }
  }

  static void report_in_principal(const std::optional<ast::Principal>& principal,
                                  std::string_view element, engine::RuleContext& ctx) {
    if (!principal) return;
    for (const ast::PrincipalEntry& entry : principal->entries) {
      if (ast::policy_variable::find_variables(entry.text.value).empty()) continue;
      ctx.report(
             entry.text.range,
             "{} \"{}\" contains a policy variable, which IAM evaluates only in Resource and "
             "Condition values; name the principal, or use a condition such as aws:PrincipalArn",
             element, entry.text.value)
          .code("VARIABLE_UNSUPPORTED_IN_ELEMENT");
    }
  }

  static void report_version(std::string_view text, ByteRange range,
                             const std::optional<ast::Text>& version, engine::RuleContext& ctx) {
    if (!ast::policy_variable::has_lookup(text)) return;
    ctx.report(range,
               "\"{}\" uses a policy variable, but the policy {}, so it is literal text; set "
               "\"Version\": \"2012-10-17\"",
               text,
               version ? "has Version \"" + std::string(version->value) + "\""
                       : std::string("has no Version"))
        .code("VARIABLE_UNSUPPORTED_IN_VERSION");
  }
};

IAMLINT_REGISTER_RULE(UnsupportedPolicyVariable);

}  // namespace
}  // namespace iamlint::rules
