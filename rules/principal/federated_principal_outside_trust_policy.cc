// IAM053: a Federated principal in a resource policy; only role trust policies can trust an
// identity provider.
#include "engine/rule.h"
#include "principal_elements.h"

namespace iamlint::rules {
namespace {

class FederatedPrincipalOutsideTrustPolicy final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"correctness", "principal", "federation"};
  static constexpr std::string_view kCodes[] = {"FEDERATED_PRINCIPAL_NOT_SUPPORTED"};
  static constexpr ast::PolicyKind kKinds[] = {ast::PolicyKind::kResource};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM053",
      .name = "federated-principal-outside-trust-policy",
      .level = engine::Level::kError,
      .summary =
          "A resource policy names a Federated principal, which only role trust policies support",
      .tags = kTags,
      .precision = engine::Precision::kVeryHigh,
      .access_analyzer_codes = kCodes,
      .policy_kinds = kKinds,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_statement(const ast::Statement& statement, engine::RuleContext& ctx) const override {
    const json::Document& doc = ctx.json();
    principal::for_each_principal_element(
        statement, [&](const ast::Principal& p, std::string_view element) {
          if (!doc.node(p.node).is_object()) return;
          for (json::NodeId member : doc.children(p.node)) {
            const json::Node& m = doc.node(member);
            if (m.key() != "Federated") continue;
            ctx.report(m.key_range,
                       "{} \"Federated\" is supported only in role trust policies; trust the "
                       "identity provider in a role's trust policy and name that role here under "
                       "\"AWS\"",
                       element);
          }
        });
  }
};

IAMLINT_REGISTER_RULE(FederatedPrincipalOutsideTrustPolicy);

}  // namespace
}  // namespace iamlint::rules
