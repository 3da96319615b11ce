// IAM450: a permissions boundary without an Allow statement. A boundary lets through only what an
// Allow in it names, so one made of Deny statements alone (written as if it were a deny list on
// top of the principal's policies) leaves the principal it is set on unable to do anything.
#include <algorithm>

#include "engine/rule.h"

namespace iamlint::rules {
namespace {

bool has_star(const std::optional<ast::EntryList<ast::Action>>& list) {
  return list && std::any_of(list->entries.begin(), list->entries.end(),
                             [](const ast::Action& a) { return a.text.value == "*"; });
}

bool has_star(const std::optional<ast::EntryList<ast::Resource>>& list) {
  return list && std::any_of(list->entries.begin(), list->entries.end(),
                             [](const ast::Resource& r) { return r.text.value == "*"; });
}

// "Deny * on *" without a condition, as in AWSDenyAll: a boundary meant to stop the principal,
// which no Allow could change.
bool denies_everything(const ast::Statement& statement) {
  return statement.effect == ast::Effect::kDeny && statement.condition_node == json::kNoNode &&
         has_star(statement.action) && has_star(statement.resource);
}

class BoundaryWithoutAllow final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"correctness", "boundary"};
  static constexpr ast::PolicyKind kKinds[] = {ast::PolicyKind::kBoundary};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM450",
      .name = "boundary-without-allow",
      .level = engine::Level::kWarning,
      .summary =
          "A permissions boundary has no Allow statement, so the principal it is set on can do "
          "nothing",
      .tags = kTags,
      .precision = engine::Precision::kHigh,
      .policy_kinds = kKinds,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_policy(const ast::Policy& policy, engine::RuleContext& ctx) const override {
    // A missing Statement, one of the wrong type and a statement without a valid Effect are
    // grammar errors, reported by their own rules.
    if (policy.statement_node == json::kNoNode) return;
    const json::Node& statement = ctx.json().node(policy.statement_node);
    if (!statement.is_array() && !statement.is_object()) return;
    if (!std::all_of(policy.statements.begin(), policy.statements.end(),
                     [](const ast::Statement& s) { return s.effect == ast::Effect::kDeny; }) ||
        std::any_of(policy.statements.begin(), policy.statements.end(), denies_everything))
      return;
    ctx.report(statement.key_range,
               "this permissions boundary has no Allow statement, so the principal it is set on "
               "can do nothing: a boundary lets through only what an Allow in it names, whatever "
               "the principal's own policies grant; add an Allow of what the principal may do "
               "(\"Action\": \"*\" on \"Resource\": \"*\" keeps everything the Deny statements do "
               "not remove)");
  }
};

IAMLINT_REGISTER_RULE(BoundaryWithoutAllow);

}  // namespace
}  // namespace iamlint::rules
