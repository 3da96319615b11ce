// IAM510: a service principal allowed with no condition at all, so the service can act for any
// account or resource that uses it (the confused deputy).
#include "engine/rule.h"
#include "trust_principals.h"

namespace iamlint::rules {
namespace {

class ServicePrincipalWithoutSourceCondition final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"security", "confused-deputy", "principal"};
  static constexpr std::string_view kCodes[] = {"RESTRICT_ACCESS_TO_SERVICE_PRINCIPAL"};
  // Not role trust policies: every service role trusts its service without a source key, and
  // AWS asks for one there only for some services; flagging them all would bury real findings.
  static constexpr ast::PolicyKind kKinds[] = {ast::PolicyKind::kResource};
  static constexpr engine::Equivalent kEquivalents[] = {{"iam-validator", "principal_validation"}};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM510",
      .name = "service-principal-without-source-condition",
      .level = engine::Level::kWarning,
      .summary =
          "A service principal is allowed without aws:SourceArn, aws:SourceAccount, "
          "aws:SourceOrgID or aws:SourceOrgPaths",
      .tags = kTags,
      .precision = engine::Precision::kMedium,
      .security_severity = "5.5",
      .access_analyzer_codes = kCodes,
      .equivalents = kEquivalents,
      .policy_kinds = kKinds,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_statement(const ast::Statement& statement, engine::RuleContext& ctx) const override {
    // With other conditions the finding is service-principal-without-source-key's suggestion.
    if (!statement.conditions.empty()) return;
    trust::for_each_allowed_service(statement, [&](const ast::PrincipalEntry& entry) {
      ctx.report(
          entry.text.range,
          "Service principal \"{}\" is allowed for any account or resource that uses the service "
          "(confused deputy); add a condition on aws:SourceArn or aws:SourceAccount (or "
          "aws:SourceOrgID, aws:SourceOrgPaths)",
          entry.text.value);
    });
  }
};

IAMLINT_REGISTER_RULE(ServicePrincipalWithoutSourceCondition);

}  // namespace
}  // namespace iamlint::rules
