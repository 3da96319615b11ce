// IAM360: aws:VpceAccount, aws:VpceOrgID or aws:VpceOrgPaths in a statement that also covers
// actions of services that never put the key in the request context. For those actions the key
// is absent whatever network the request came from, so the condition does not do what it says: a
// network perimeter with a hole, or a grant that never applies.
#include <algorithm>
#include <string>
#include <vector>

#include "analysis/actions.h"
#include "catalog/action.h"
#include "catalog/lists.h"
#include "catalog/service.h"
#include "condition/condition_key_catalog.h"
#include "engine/rule.h"

namespace iamlint::rules {
namespace {

// What `actions` holds that `key` never reaches, sorted: a service prefix ("ec2"), or a whole
// action name for a supported service's exception ("iam:PassRole"). In an RCP "*" means the
// services RCPs support, so only those count. Walks the sorted positions a service at a time, as
// "*" holds every action of the catalogue.
std::vector<std::string> unreached(const catalog::ServiceLimitedKey& key, analysis::Indices actions,
                                   bool rcp) {
  using Coverage = catalog::ServiceLimitedKey::Coverage;
  std::vector<std::string> out;
  for (auto it = actions.begin(); it != actions.end();) {
    const catalog::Service service = catalog::Action(*it).service();
    const auto service_actions = service.actions();
    const std::uint32_t service_end =
        (*service_actions.begin()).index() + static_cast<std::uint32_t>(service_actions.size());
    const auto next = std::lower_bound(it, actions.end(), service_end);
    // In an RCP "*" means the services RCPs support; the others cannot be named there.
    const bool nameable = !rcp || service.rcp_supported();
    switch (nameable ? key.coverage(service) : Coverage::kAll) {
      case Coverage::kNone:
        out.emplace_back(service.prefix());
        break;
      case Coverage::kPartial:
        for (auto action = it; action != next; ++action) {
          if (!key.reaches(catalog::Action(*action)))
            out.push_back(catalog::Action(*action).qualified_name());
        }
        break;
      case Coverage::kAll:
        break;
    }
    it = next;
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string list_names(const std::vector<std::string>& names) {
  return condition_keys::first_names(names.size(), [&](std::size_t i) { return names[i]; });
}

class VpceKeyWithUnsupportedService final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"correctness", "condition", "data-perimeter"};
  static constexpr std::string_view kCodes[] = {"USE_CONDITION_KEY_ONLY_WITH_SUPPORTED_SERVICES"};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM360",
      .name = "vpce-key-with-unsupported-service",
      .level = engine::Level::kWarning,
      .summary =
          "aws:VpceAccount, aws:VpceOrgID or aws:VpceOrgPaths is used for actions of services that "
          "never send it",
      .tags = kTags,
      .precision = engine::Precision::kHigh,
      .access_analyzer_codes = kCodes,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_statement(const ast::Statement& statement, engine::RuleContext& ctx) const override {
    std::vector<std::pair<const ast::Condition*, catalog::ServiceLimitedKey>> uses;
    for (const ast::Condition& condition : statement.conditions) {
      if (auto key = catalog::find_service_limited_key(condition.key.value))
        uses.emplace_back(&condition, *key);
    }
    if (uses.empty()) return;
    // NotAction covers every action it does not name; computed once for all the keys.
    std::vector<std::uint32_t> not_action_grant;
    if (statement.not_action)
      not_action_grant = analysis::indices_of(analysis::statement_actions(statement));
    for (const auto& [condition, key] : uses)
      check_key(statement, *condition, key, not_action_grant, ctx);
  }

 private:
  static void check_key(const ast::Statement& statement, const ast::Condition& condition,
                        const catalog::ServiceLimitedKey& key,
                        const std::vector<std::uint32_t>& not_action_grant,
                        engine::RuleContext& ctx) {
    const bool rcp = ctx.kind() == ast::PolicyKind::kRcp;
    struct Culprit {
      ByteRange range;
      std::vector<std::string> names;
    };
    std::vector<Culprit> culprits;
    if (statement.not_action) {
      culprits.push_back({statement.not_action->name.range, unreached(key, not_action_grant, rcp)});
    } else if (statement.action) {
      for (const ast::Action& entry : statement.action->entries) {
        culprits.push_back({entry.text.range, unreached(key, analysis::actions_of(entry), rcp)});
      }
    }
    std::erase_if(culprits, [](const Culprit& c) { return c.names.empty(); });
    if (culprits.empty()) return;

    std::vector<std::string> all;
    for (const Culprit& culprit : culprits)
      all.insert(all.end(), culprit.names.begin(), culprit.names.end());
    std::sort(all.begin(), all.end());
    all.erase(std::unique(all.begin(), all.end()), all.end());
    auto finding = ctx.report(
        condition.key.range,
        "\"{}\" is sent only by the {} services that support it, not by {}: for those actions the "
        "key is always absent, whatever network the request came from; limit this statement's "
        "Action to supported services and cover the others with aws:SourceVpc or aws:SourceVpce",
        key.name(), key.service_count(), list_names(all));
    for (const Culprit& culprit : culprits) {
      finding.related(culprit.range, fmt::format("covers {}, where \"{}\" is never present",
                                                 list_names(culprit.names), key.name()));
    }
  }
};

IAMLINT_REGISTER_RULE(VpceKeyWithUnsupportedService);

}  // namespace
}  // namespace iamlint::rules
