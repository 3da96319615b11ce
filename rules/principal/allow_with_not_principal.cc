// IAM055: Allow with NotPrincipal grants to everyone except the listed principals, anonymous
// callers included.
#include "engine/rule.h"

namespace iamlint::rules {
namespace {

class AllowWithNotPrincipal final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"security", "principal", "public-access"};
  static constexpr std::string_view kCodes[] = {"ALLOW_WITH_NOT_PRINCIPAL"};
  static constexpr ast::PolicyKind kKinds[] = {ast::PolicyKind::kResource};
  static constexpr engine::Equivalent kEquivalents[] = {
      {"Parliament", "NOTPRINCIPAL_WITH_ALLOW"}, {"iam-validator", "not_principal_with_allow"}};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM055",
      .name = "allow-with-not-principal",
      .level = engine::Level::kWarning,
      .summary =
          "An Allow statement uses NotPrincipal, granting to everyone not listed, anonymous "
          "callers included",
      .tags = kTags,
      .precision = engine::Precision::kVeryHigh,
      .security_severity = "7.5",
      .access_analyzer_codes = kCodes,
      .equivalents = kEquivalents,
      .policy_kinds = kKinds,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_statement(const ast::Statement& statement, engine::RuleContext& ctx) const override {
    if (!statement.allows() || !statement.not_principal) return;
    const json::Node& node = ctx.json().node(statement.not_principal->node);
    ctx.report(node.key_range,
               "\"Effect\": \"Allow\" with \"NotPrincipal\" grants access to every principal not "
               "listed, anonymous callers included; use \"Principal\" with the principals to "
               "allow");
  }
};

IAMLINT_REGISTER_RULE(AllowWithNotPrincipal);

}  // namespace
}  // namespace iamlint::rules
