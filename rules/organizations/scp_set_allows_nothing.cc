// IAM411: an SCP (or the SCPs linted together) that allows nothing: every Allow removed by Deny
// statements without conditions, or, for several SCPs linted together, no Allow at all. An
// action is permitted only if some Allow covers it and no Deny removes it, so every request of
// the accounts it is attached to is denied.
#include <algorithm>

#include "engine/rule.h"
#include "organizations/scp_set_view.h"

namespace iamlint::rules {
namespace {

class ScpSetAllowsNothing final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"availability", "scp"};
  static constexpr ast::PolicyKind kKinds[] = {ast::PolicyKind::kScp};
  // Where every Allow is cancelled, this says it of the first; IAM412 would repeat it.
  static constexpr std::string_view kAbsorbs[] = {"IAM412"};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM411",
      .name = "scp-set-allows-nothing",
      .level = engine::Level::kWarning,
      .summary =
          "An SCP, or the SCPs linted together, allow no action at all, so every request "
          "is denied",
      .tags = kTags,
      .precision = engine::Precision::kHigh,
      .policy_kinds = kKinds,
      .absorbs = kAbsorbs,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_policy(const ast::Policy& policy, engine::RuleContext& ctx) const override {
    const ScpSetView view = scp_set_view(ctx);
    const auto grants = view.model->grants();
    if (grants.empty()) {
      // An SCP of Deny statements is the usual way to add a guardrail beside FullAWSAccess, so
      // one alone says nothing; several linted together are the whole set. Said once, in the
      // first file.
      if (view.set == nullptr || view.origin != 0 || policy.statement_node == json::kNoNode) return;
      ctx.report(ctx.json().node(policy.statement_node).key_range,
                 "none of the {} SCPs linted together has an Allow statement, so together they "
                 "allow nothing and every request of the accounts they are attached to is "
                 "denied; attach FullAWSAccess (or an allow-list) with them, and lint it with "
                 "them if it is attached already",
                 view.set->paths.size());
      return;
    }
    if (std::any_of(grants.begin(), grants.end(),
                    [](const analysis::Grant& grant) { return grant.still_grants(); })) {
      return;
    }
    // Said at the first Allow, in its file.
    const analysis::Grant& first = grants.front();
    if (first.origin != view.origin) return;
    const ast::Statement& statement = *first.statement;
    ctx.report(statement.effect_text ? statement.effect_text->range : statement.range,
               "Deny statements without conditions remove every action that {} allow, so {} "
               "nothing and every request is denied",
               view.set ? "the SCPs linted together" : "this SCP's Allow statements",
               view.set ? "together they allow" : "it allows");
  }
};

IAMLINT_REGISTER_RULE(ScpSetAllowsNothing);

}  // namespace
}  // namespace iamlint::rules
