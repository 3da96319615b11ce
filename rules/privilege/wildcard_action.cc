// IAM201: an Allow statement whose Action is "*" grants every action of every service.
#include <algorithm>

#include "engine/rule.h"

namespace iamlint::rules {
namespace {

// Only "*" alone: IAM rejects "*:*" (malformed-action reports it).
bool is_every_action(const ast::Action& action) {
  return action.text.value == "*";
}

bool has_every_resource(const ast::Statement& statement) {
  if (!statement.resource) return false;
  const auto& entries = statement.resource->entries;
  return std::any_of(entries.begin(), entries.end(),
                     [](const ast::Resource& resource) { return resource.text.value == "*"; });
}

class WildcardAction final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"security", "least-privilege",
                                               "external/cwe/cwe-732"};
  static constexpr engine::Equivalent kEquivalents[] = {
      {"Checkov", "CKV_AWS_63"}, {"Checkov", "CKV_AWS_62"}, {"Checkov", "CKV_AWS_1"}};
  // Every narrower grant finding in the same statement says less than "every action" does.
  static constexpr std::string_view kAbsorbs[] = {"IAM202", "IAM203", "IAM205", "IAM206", "IAM210",
                                                  "IAM211", "IAM212", "IAM213", "IAM216", "IAM250"};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM201",
      .name = "wildcard-action",
      .level = engine::Level::kWarning,
      .summary = "An Allow statement grants every action of every AWS service",
      .tags = kTags,
      .precision = engine::Precision::kVeryHigh,
      .security_severity = "8.5",
      .equivalents = kEquivalents,
      .judges_grants = true,
      .absorbs = kAbsorbs,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_statement(const ast::Statement& statement, engine::RuleContext& ctx) const override {
    if (!statement.allows() || !statement.action) return;
    if (!ctx.facts().permissions().still_allows_anything(statement)) return;
    for (const ast::Action& action : statement.action->entries) {
      if (!is_every_action(action)) continue;
      if (ctx.kind() != ast::PolicyKind::kIdentity) {
        // A resource (or endpoint) policy governs its own resource: "*" is everything done to it.
        ctx.report(action.text.range,
                   "Action \"{}\" lets the principals do everything the resource supports, its "
                   "policy and deletion included",
                   action.text.value);
      } else if (has_every_resource(statement)) {
        ctx.report(action.text.range,
                   "Action \"{}\" on Resource \"*\" allows every action on every resource: full "
                   "administrator access",
                   action.text.value);
      } else {
        ctx.report(action.text.range, "Action \"{}\" allows every action of every AWS service",
                   action.text.value);
      }
    }
  }
};

IAMLINT_REGISTER_RULE(WildcardAction);

}  // namespace
}  // namespace iamlint::rules
