// IAM511: a service principal restricted only by keys such as aws:Referer or aws:SourceIp
// instead of the source keys that tie it to a resource or account.
#include "engine/rule.h"
#include "trust_principals.h"

namespace iamlint::rules {
namespace {

class ServicePrincipalWithoutSourceKey final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"confused-deputy", "principal"};
  static constexpr std::string_view kCodes[] = {"RECOMMENDED_CONDITION_KEY_FOR_SERVICE_PRINCIPAL"};
  // Not role trust policies: every service role trusts its service without a source key, and
  // AWS asks for one there only for some services; flagging them all would bury real findings.
  static constexpr ast::PolicyKind kKinds[] = {ast::PolicyKind::kResource};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM511",
      .name = "service-principal-without-source-key",
      .level = engine::Level::kNote,
      .summary =
          "A service principal is restricted by conditions other than aws:SourceArn, "
          "aws:SourceAccount, aws:SourceOrgID or aws:SourceOrgPaths",
      .tags = kTags,
      .precision = engine::Precision::kMedium,
      .access_analyzer_codes = kCodes,
      .policy_kinds = kKinds,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_statement(const ast::Statement& statement, engine::RuleContext& ctx) const override {
    // Without any condition the finding is service-principal-without-source-condition's warning.
    if (statement.conditions.empty() || trust::has_source_key(statement)) return;
    trust::for_each_allowed_service(statement, [&](const ast::PrincipalEntry& entry) {
      ctx.report(
          entry.text.range,
          "Service principal \"{}\" is restricted only by keys such as \"{}\"; restrict it with "
          "aws:SourceArn or aws:SourceAccount (or aws:SourceOrgID, aws:SourceOrgPaths), which the "
          "service sets for the resource it acts for",
          entry.text.value, statement.conditions.front().key.value);
    });
  }
};

IAMLINT_REGISTER_RULE(ServicePrincipalWithoutSourceKey);

}  // namespace
}  // namespace iamlint::rules
