// IAM202: an Allow statement with "service:*" grants every action of that service. In a resource
// policy, a grant to the owner's (or a trusted) account only delegates to its IAM policies: a KMS
// key policy's "kms:*" to the account root is how the owner keeps control of the key. And an
// OpenSearch domain access policy's "es:*" means "es:ESHttp*" (below).
#include "analysis/actions.h"
#include "engine/rule.h"
#include "trusted_accounts.h"

namespace iamlint::rules {
namespace {

// OpenSearch Service reads "es:*" in a resource policy (the domain access policy) as "es:ESHttp*":
// the policy governs the domain's HTTP APIs, never its configuration, which only identity policies
// grant. AWS documents "es:*" on "domain/NAME/*" as the way to give a principal full access to the
// domain's indexes (OpenSearch Service developer guide, "Resource-based policies").
bool means_http_access_only(const ast::Action& action, const ast::Policy& policy) {
  return action.service == "es" && policy.kind == ast::PolicyKind::kResource;
}

class WildcardServiceAction final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"security", "least-privilege",
                                               "external/cwe/cwe-732"};
  static constexpr engine::Equivalent kEquivalents[] = {{"Cloudsplaining", "ServiceWildcard"}};
  static constexpr std::string_view kAbsorbs[] = {"IAM203", "IAM205", "IAM206", "IAM211",
                                                  "IAM212", "IAM213", "IAM250"};
  static constexpr engine::LevelCase kOtherLevels[] = {
      {engine::Level::kNote, "every action of the service only reads (List or Read)"}};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM202",
      .name = "wildcard-service-action",
      .level = engine::Level::kWarning,
      .other_levels = kOtherLevels,
      .summary = "An Allow statement grants every action of a service",
      .tags = kTags,
      .precision = engine::Precision::kVeryHigh,
      .security_severity = "6.5",
      .equivalents = kEquivalents,
      .judges_grants = true,
      .absorbs = kAbsorbs,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_statement(const ast::Statement& statement, engine::RuleContext& ctx) const override {
    if (!statement.allows() || !statement.action || grants_only_to_trusted_accounts(statement, ctx))
      return;
    for (const ast::Action& action : statement.action->entries) {
      // A wildcard in the prefix ("*:*") is malformed-action's finding.
      if (action.name != "*" || action.service.empty() ||
          action.service.find_first_of("*?") != std::string_view::npos ||
          means_http_access_only(action, ctx.policy()))
        continue;
      const std::vector<std::uint32_t> granted =
          analysis::still_granted(analysis::actions_of(action), statement, ctx.facts());
      if (granted.empty()) continue;  // an unknown service, or a Deny takes it all
      // A service whose every action only reads is a lesser risk: say so, but as a note.
      ctx.report(action.text.range, "Action \"{}\" allows every action of the '{}' service: {}",
                 action.text.value, action.service, analysis::describe_grant(granted))
          .level(analysis::only_reads(granted) ? engine::Level::kNote : engine::Level::kWarning);
    }
  }
};

IAMLINT_REGISTER_RULE(WildcardServiceAction);

}  // namespace
}  // namespace iamlint::rules
