// IAM503: a Federated principal that is neither an identity provider's domain name nor a SAML
// or OIDC provider ARN.
#include <re2/re2.h>

#include "engine/rule.h"
#include "trust_principals.h"

namespace iamlint::rules {
namespace {

bool is_domain_name(std::string_view value) {
  static const RE2 kDomain(
      R"([A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+)");
  return RE2::FullMatch(value, kDomain);
}

class MalformedFederatedPrincipal final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"correctness", "trust", "federation"};
  static constexpr std::string_view kCodes[] = {
      "INVALID_FEDERATED_PRINCIPAL_SYNTAX_IN_ROLE_TRUST_POLICY"};
  static constexpr ast::PolicyKind kKinds[] = {ast::PolicyKind::kTrust};
  static constexpr engine::Equivalent kEquivalents[] = {
      {"Parliament", "UNKNOWN_FEDERATION_SOURCE"}};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM503",
      .name = "malformed-federated-principal",
      .level = engine::Level::kError,
      .summary = "A Federated principal is neither a domain name nor a SAML or OIDC provider ARN",
      .tags = kTags,
      .precision = engine::Precision::kHigh,
      .access_analyzer_codes = kCodes,
      .equivalents = kEquivalents,
      .policy_kinds = kKinds,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_statement(const ast::Statement& statement, engine::RuleContext& ctx) const override {
    if (!statement.principal) return;
    for (const ast::PrincipalEntry& entry : statement.principal->entries) {
      std::string_view value = entry.text.value;
      // Wildcards are malformed-principal's finding.
      if (entry.type != ast::PrincipalType::kFederated ||
          value.find_first_of("*?") != std::string_view::npos) {
        continue;
      }
      bool provider_arn = trust::federated_provider(value).kind != trust::FederatedKind::kOther &&
                          value.starts_with("arn:");
      if (provider_arn || (!value.starts_with("arn:") && is_domain_name(value))) continue;
      ctx.report(
          entry.text.range,
          "Federated principal \"{}\" is not an identity provider; write a SAML provider ARN "
          "(arn:aws:iam::<account>:saml-provider/<name>), an OIDC provider ARN "
          "(arn:aws:iam::<account>:oidc-provider/<host>) or a web identity domain such as "
          "\"cognito-identity.amazonaws.com\"",
          value);
    }
  }
};

IAMLINT_REGISTER_RULE(MalformedFederatedPrincipal);

}  // namespace
}  // namespace iamlint::rules
