// IAM211: an identity policy allows, on every resource, actions that return credentials or
// secrets (secretsmanager:GetSecretValue, ssm:GetParameter, redshift:GetClusterCredentials, ...),
// judged on what the policy allows after its Deny statements.
#include "engine/rule.h"
#include "privilege/risk_report.h"

namespace iamlint::rules {
namespace {

class CredentialsExposure final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"security", "credentials", "external/cwe/cwe-522"};
  static constexpr engine::Equivalent kEquivalents[] = {
      {"Cloudsplaining", "CredentialsExposure"},
      {"Parliament", "CREDENTIALS_EXPOSURE"},
      {"Checkov", "CKV_AWS_107"},
      {"Checkov", "CKV_AWS_287"},
  };
  static constexpr ast::PolicyKind kKinds[] = {ast::PolicyKind::kIdentity};
  static constexpr std::string_view kAbsorbs[] = {"IAM203", "IAM250"};
  static constexpr engine::LevelCase kOtherLevels[] = {
      {engine::Level::kNote,
       "every credential action it grants is constrained "
       "by a condition on who, from where or on what"}};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM211",
      .name = "credentials-exposure",
      .level = engine::Level::kWarning,
      .other_levels = kOtherLevels,
      .summary =
          "An identity policy allows actions that return credentials or secrets on every "
          "resource",
      .tags = kTags,
      .precision = engine::Precision::kHigh,
      .security_severity = "7.0",
      .equivalents = kEquivalents,
      .policy_kinds = kKinds,
      .judges_grants = true,
      .absorbs = kAbsorbs,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_policy(const ast::Policy& /*policy*/, engine::RuleContext& ctx) const override {
    risk::report_sensitive(analysis::SensitiveCategory::kCredentials, "secrets or credentials",
                           ctx);
  }
};

IAMLINT_REGISTER_RULE(CredentialsExposure);

}  // namespace
}  // namespace iamlint::rules
