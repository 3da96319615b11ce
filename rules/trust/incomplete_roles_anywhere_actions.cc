// IAM504: IAM Roles Anywhere trusted without all three actions it calls when it creates a
// session: sts:AssumeRole, sts:SetSourceIdentity and sts:TagSession.
#include <array>
#include <string>

#include "engine/rule.h"
#include "trust_principals.h"

namespace iamlint::rules {
namespace {

constexpr std::array<std::string_view, 3> kRequired = {"sts:AssumeRole", "sts:SetSourceIdentity",
                                                       "sts:TagSession"};

class IncompleteRolesAnywhereActions final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"correctness", "trust"};
  static constexpr std::string_view kCodes[] = {"MISSING_ACTION_FOR_ROLES_ANYWHERE_TRUST_POLICY"};
  static constexpr ast::PolicyKind kKinds[] = {ast::PolicyKind::kTrust};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM504",
      .name = "incomplete-roles-anywhere-actions",
      .level = engine::Level::kError,
      .summary =
          "IAM Roles Anywhere is trusted without sts:AssumeRole, sts:SetSourceIdentity and "
          "sts:TagSession",
      .tags = kTags,
      .precision = engine::Precision::kVeryHigh,
      .access_analyzer_codes = kCodes,
      .policy_kinds = kKinds,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_statement(const ast::Statement& statement, engine::RuleContext& ctx) const override {
    if (!statement.action) return;
    trust::for_each_allowed_service(statement, [&](const ast::PrincipalEntry& entry) {
      if (entry.text.value != "rolesanywhere.amazonaws.com") return;
      std::string missing;
      for (std::string_view action : kRequired) {
        if (trust::action_covers(statement, action)) continue;
        missing += missing.empty() ? "" : ", ";
        missing += "\"" + std::string(action) + "\"";
      }
      if (missing.empty()) return;
      ctx.report(entry.text.range,
                 "IAM Roles Anywhere needs sts:AssumeRole, sts:SetSourceIdentity and "
                 "sts:TagSession to create a session; add {} to the statement's Action",
                 missing);
    });
  }
};

IAMLINT_REGISTER_RULE(IncompleteRolesAnywhereActions);

}  // namespace
}  // namespace iamlint::rules
