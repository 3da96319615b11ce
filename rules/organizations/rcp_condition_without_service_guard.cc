// IAM407: an RCP Deny conditioned on a key that AWS service principals (or some service
// integrations) do not send, without the guard that keeps the deny from blocking AWS services:
// Access Analyzer's three RCP_MISSING_* warnings.
//
// Access Analyzer does not publish its key lists. Assumed here, from the AWS data-perimeter
// examples: principal keys (aws:PrincipalOrgID, aws:PrincipalOrgPaths, aws:PrincipalAccount,
// aws:PrincipalArn, aws:PrincipalTag/…) need "aws:PrincipalIsAWSService": "false"; source keys
// (aws:SourceAccount, aws:SourceArn, aws:SourceOrgID, aws:SourceOrgPaths) need
// "aws:PrincipalIsAWSService": "true" and a Null check that aws:SourceAccount or aws:SourceArn
// is present.
#include <algorithm>
#include <array>
#include <span>
#include <string>

#include "catalog/ascii.h"
#include "engine/rule.h"

namespace iamlint::rules {
namespace {

constexpr std::string_view kPrincipalCode = "RCP_MISSING_RELATED_PRINCIPAL_CONDITION_KEY";
constexpr std::string_view kServiceCode = "RCP_MISSING_RELATED_SERVICE_PRINCIPAL_CONDITION_KEY";
constexpr std::string_view kNullCode = "RCP_MISSING_SERVICE_CONDITION_KEY_NULL_CHECK";

// Folded (lower-case), as condition keys are case-insensitive.
constexpr std::array<std::string_view, 4> kPrincipalKeys = {
    "aws:principalorgid", "aws:principalorgpaths", "aws:principalaccount", "aws:principalarn"};
constexpr std::string_view kPrincipalTagPrefix = "aws:principaltag/";
constexpr std::array<std::string_view, 4> kSourceKeys = {"aws:sourceaccount", "aws:sourcearn",
                                                         "aws:sourceorgid", "aws:sourceorgpaths"};

bool contains(std::span<const std::string_view> keys, std::string_view key) {
  return std::find(keys.begin(), keys.end(), key) != keys.end();
}

// `"<base>": {"<one of keys>": "<value>"}`, every value equal to `value`.
bool has_test(const ast::Statement& statement, std::string_view base,
              std::span<const std::string_view> keys, std::string_view value) {
  return std::any_of(
      statement.conditions.begin(), statement.conditions.end(), [&](const ast::Condition& c) {
        if (c.op.base != base || c.op.qualifier != ast::SetQualifier::kNone || c.values.empty())
          return false;
        if (!contains(keys, catalog::to_folded(c.key.value))) return false;
        return std::all_of(c.values.begin(), c.values.end(), [&](const ast::ConditionValue& v) {
          return catalog::equals_folded(v.text, value);
        });
      });
}

constexpr std::string_view kIsAwsService[] = {"aws:principalisawsservice"};
constexpr std::string_view kNullCheckKeys[] = {"aws:sourceaccount", "aws:sourcearn"};

class RcpConditionWithoutServiceGuard final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"availability", "rcp"};
  static constexpr std::string_view kCodes[] = {kPrincipalCode, kServiceCode, kNullCode};
  static constexpr ast::PolicyKind kKinds[] = {ast::PolicyKind::kRcp};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM407",
      .name = "rcp-condition-without-service-guard",
      .level = engine::Level::kWarning,
      .summary =
          "An RCP Deny tests a principal or source key without the aws:PrincipalIsAWSService or "
          "Null guard that keeps it from blocking AWS services",
      .tags = kTags,
      .precision = engine::Precision::kMedium,
      .access_analyzer_codes = kCodes,
      .policy_kinds = kKinds,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_statement(const ast::Statement& statement, engine::RuleContext& ctx) const override {
    if (statement.effect != ast::Effect::kDeny) return;
    bool excludes_services = has_test(statement, "Bool", kIsAwsService, "false");
    bool only_services = has_test(statement, "Bool", kIsAwsService, "true");
    bool source_present = has_test(statement, "Null", kNullCheckKeys, "false");
    for (const ast::Condition& condition : statement.conditions) {
      if (condition.op.base == "Null") continue;  // a presence test is a guard, not a restriction
      std::string key = catalog::to_folded(condition.key.value);
      if ((contains(kPrincipalKeys, key) || key.starts_with(kPrincipalTagPrefix)) &&
          !excludes_services) {
        ctx.report(
               condition.key.range,
               "\"{}\" is absent when an AWS service principal calls, so this deny also blocks AWS "
               "services; add \"BoolIfExists\": {{\"aws:PrincipalIsAWSService\": \"false\"}}",
               condition.key.value)
            .code(kPrincipalCode);
      }
      if (!contains(kSourceKeys, key)) continue;
      if (!only_services) {
        ctx.report(condition.key.range,
                   "\"{}\" describes the resource an AWS service acts for, so this deny also "
                   "blocks your own principals, which do not send it; add \"BoolIfExists\": "
                   "{{\"aws:PrincipalIsAWSService\": \"true\"}}",
                   condition.key.value)
            .code(kServiceCode);
      }
      if (!source_present) {
        ctx.report(condition.key.range,
                   "some service integrations do not send \"{}\", so this deny blocks them; add "
                   "\"Null\": {{\"aws:SourceAccount\": \"false\"}} (or the same test on "
                   "aws:SourceArn)",
                   condition.key.value)
            .code(kNullCode);
      }
    }
  }
};

IAMLINT_REGISTER_RULE(RcpConditionWithoutServiceGuard);

}  // namespace
}  // namespace iamlint::rules
