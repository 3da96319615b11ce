// IAM409: a Deny whose exemption lets every role (or every caller) go: `StringNotLike
// aws:PrincipalArn "*"`, `ArnNotLike aws:PrincipalArn "arn:aws:iam::*:role/*"`, `StringNotEquals
// aws:PrincipalType "AssumedRole"`. People and workloads act through roles, so such a guardrail
// protects against almost no one, though it reads as if it protected against everyone.
#include <fmt/core.h>

#include "analysis/caller_reach.h"
#include "analysis/condition_facts.h"
#include "engine/rule.h"

namespace iamlint::rules {
namespace {

// Who the exemption lets go, for the message; empty when it leaves out no whole class.
std::string freed_callers(const analysis::CallerReach& reach) {
  using analysis::Caller;
  using analysis::Reach;
  const bool root = reach.of(Caller::kRoot) == Reach::kNone;
  const bool users = reach.of(Caller::kUser) == Reach::kNone;
  const bool roles = reach.of(Caller::kRole) == Reach::kNone;
  if (root && users && roles) return "every caller";
  if (!roles) return "";
  if (users) return "every role and every IAM user";
  return "every role";
}

std::string_view consequence(std::string_view freed) {
  if (freed == "every caller") return "denies nothing";
  if (freed == "every role") return "binds almost no one (people and workloads act through roles)";
  return "binds only the root user";
}

class OverbroadDenyExemption final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"security", "guardrail"};
  // IAM314 says that a "*" pattern matches everything; here that means the Deny denies nothing.
  static constexpr std::string_view kAbsorbs[] = {"IAM314"};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM409",
      .name = "overbroad-deny-exemption",
      .level = engine::Level::kWarning,
      .summary = "A Deny exempts every role, or every caller, so it protects against almost no one",
      .tags = kTags,
      .precision = engine::Precision::kHigh,
      .security_severity = "5.0",
      .absorbs = kAbsorbs,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_condition(const ast::Statement& statement, const ast::Condition& condition,
                       engine::RuleContext& ctx) const override {
    if (statement.effect != ast::Effect::kDeny || !analysis::is_exemption(condition)) return;
    const std::string freed = freed_callers(analysis::caller_reach(condition));
    if (freed.empty()) return;
    ctx.report(condition.values_range,
               "{} exempts {} from this Deny, so it {}; name the principals to exempt one by one "
               "(\"arn:aws:iam::*:role/BreakGlass\")",
               analysis::describe(condition), freed, consequence(freed));
  }
};

IAMLINT_REGISTER_RULE(OverbroadDenyExemption);

}  // namespace
}  // namespace iamlint::rules
