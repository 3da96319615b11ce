// IAM214: a resource or trust policy lets anyone use the resource or assume the role: "*" (or
// {"AWS": "*"}) as the Principal of an Allow that no condition pins to fixed accounts,
// organisations, networks, endpoints or source resources, judged after the policy's Denies.
#include <algorithm>
#include <string>
#include <vector>

#include "analysis/actions.h"
#include "analysis/public_access.h"
#include "engine/rule.h"
#include "privilege/risk_report.h"

namespace iamlint::rules {
namespace {

// Where the grant says "everyone": the bare "*", or its {"AWS": "*"} entry.
ByteRange everyone_range(const ast::Statement& statement) {
  const ast::Principal& principal = *statement.principal;
  if (principal.is_wildcard) return principal.range;
  auto it = std::find_if(principal.entries.begin(), principal.entries.end(),
                         [](const ast::PrincipalEntry& e) {
                           return e.type == ast::PrincipalType::kAws && e.text.value == "*";
                         });
  return it != principal.entries.end() ? it->text.range : principal.range;
}

// What the grant lets everyone do: its Action entries as written, and its resources.
std::string what(const analysis::Grant& grant) {
  const ast::Statement& statement = *grant.statement;
  std::vector<std::string> actions;
  if (statement.action) {
    for (const ast::Action& entry : statement.action->entries)
      actions.emplace_back(entry.text.value);
  }
  std::string out = statement.action
                        ? risk::first_of(actions)
                        : fmt::format("every action but {}",
                                      statement.not_action->entries.size() == 1 ? "one" : "a few");
  std::vector<std::string> resources;
  for (const ast::Resource& entry : grant.resources.entries())
    resources.emplace_back(entry.text.value);
  // A Resource written as an intrinsic function (a template's !Sub ARN) has no entry to name.
  if (grant.resources.form() == analysis::ResourceScope::Form::kListed && !resources.empty())
    out += " on " + risk::first_of(resources, 2);
  return out;
}

class PublicAccess final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"security", "public-access", "external/cwe/cwe-284"};
  static constexpr engine::Equivalent kEquivalents[] = {
      {"Checkov", "CKV_AWS_70"},
      {"Checkov", "CKV_AWS_168"},
      {"Checkov", "CKV_AWS_169"},
      {"Checkov", "CKV_AWS_283"},
      {"Cloudsplaining", "AssumableByAnyPrincipal"},
  };
  static constexpr ast::PolicyKind kKinds[] = {ast::PolicyKind::kResource, ast::PolicyKind::kTrust};
  static constexpr std::string_view kAbsorbs[] = {"IAM201", "IAM204"};
  static constexpr engine::LevelCase kOtherLevels[] = {
      {engine::Level::kNote,
       "a condition narrows who, from where or on what the public is allowed"}};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM214",
      .name = "public-access",
      .level = engine::Level::kWarning,
      .other_levels = kOtherLevels,
      .summary =
          "A resource or trust policy lets anyone, in any AWS account or none, use the "
          "resource or assume the role",
      .tags = kTags,
      .precision = engine::Precision::kHigh,
      .security_severity = "8.5",
      .equivalents = kEquivalents,
      .policy_kinds = kKinds,
      .judges_grants = true,
      .absorbs = kAbsorbs,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_policy(const ast::Policy& policy, engine::RuleContext& ctx) const override {
    for (const analysis::PublicGrant& open : analysis::public_grants(ctx.facts().permissions())) {
      const ast::Statement& statement = *open.grant->statement;
      const std::string fix =
          "pin the callers with a condition on aws:PrincipalOrgID, aws:PrincipalAccount, "
          "aws:SourceArn, aws:SourceAccount or aws:SourceVpce, or name the principals";
      if (policy.kind == ast::PolicyKind::kTrust) {
        ctx.report(everyone_range(statement),
                   "Principal \"*\" lets any AWS principal, in any account, assume this role; {}",
                   fix);
        continue;
      }
      const std::string narrowed =
          open.narrowing.empty()
              ? std::string()
              : fmt::format(" (only when {})",
                            analysis::describe(*open.narrowing.front()->condition));
      const std::string anonymous =
          open.anonymous_pass == nullptr
              ? std::string()
              : fmt::format(" ({} holds for anonymous requests, which carry no principal key)",
                            analysis::describe(*open.anonymous_pass->condition));
      ctx.report(everyone_range(statement),
                 "Principal \"*\" lets anyone, in any AWS account or none, use {}{}{}; {}",
                 what(*open.grant), narrowed, anonymous, fix)
          .level(open.narrowing.empty() ? engine::Level::kWarning : engine::Level::kNote);
    }
  }
};

IAMLINT_REGISTER_RULE(PublicAccess);

}  // namespace
}  // namespace iamlint::rules
