// IAM412: an SCP statement that another statement of the SCP, or of the SCPs linted together,
// makes dead: an Allow whose every action a Deny without conditions removes, or a Deny that
// another Deny without conditions already covers.
#include <algorithm>

#include "engine/rule.h"
#include "organizations/scp_set_view.h"

namespace iamlint::rules {
namespace {

bool unconditional(const analysis::ModelStatement& s) {
  return s.statement->conditions.empty();
}

bool covers(const analysis::ModelStatement& outer, const analysis::ModelStatement& inner) {
  return unconditional(outer) && outer.actions.covers(inner.actions) &&
         outer.resources.covers(inner.resources) && outer.principals.covers(inner.principals);
}

// Statement order across the set: by file, then position.
bool before(const analysis::ModelStatement& a, const analysis::ModelStatement& b) {
  return a.origin != b.origin ? a.origin < b.origin : a.statement->index < b.statement->index;
}

class DeadScpStatement final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"correctness", "scp"};
  static constexpr ast::PolicyKind kKinds[] = {ast::PolicyKind::kScp};
  // A repeated Deny is one this rule finds covered; IAM014 would say it again.
  static constexpr std::string_view kAbsorbs[] = {"IAM014"};
  static constexpr engine::LevelCase kOtherLevels[] = {
      {engine::Level::kNote,
       "the statement is a Deny that another Deny already covers, which costs only space"}};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM412",
      .name = "dead-scp-statement",
      .level = engine::Level::kWarning,
      .other_levels = kOtherLevels,
      .summary =
          "An SCP statement has no effect: a Deny without conditions removes everything "
          "an Allow allows, or already denies everything another Deny does",
      .tags = kTags,
      .precision = engine::Precision::kHigh,
      .policy_kinds = kKinds,
      .absorbs = kAbsorbs,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_statement(const ast::Statement& statement, engine::RuleContext& ctx) const override {
    const ScpSetView view = scp_set_view(ctx);
    if (statement.effect == ast::Effect::kAllow) {
      check_allow(view, statement, ctx);
    } else if (statement.effect == ast::Effect::kDeny) {
      check_deny(view, statement, ctx);
    }
  }

 private:
  static void check_allow(const ScpSetView& view, const ast::Statement& statement,
                          engine::RuleContext& ctx) {
    const analysis::Grant* grant = view.find(view.model->grants(), statement);
    if (grant == nullptr || grant->still_grants()) return;
    const auto denials = view.model->denials();
    const auto one = std::find_if(denials.begin(), denials.end(),
                                  [&](const analysis::Denial& d) { return covers(d, *grant); });
    ctx.report(statement.effect_text ? statement.effect_text->range : statement.range,
               "{} removes every action this Allow allows, so it allows nothing",
               one != denials.end() ? "the Deny at " + view.where(*one)
                                    : std::string("Deny statements without conditions"));
  }

  static void check_deny(const ScpSetView& view, const ast::Statement& statement,
                         engine::RuleContext& ctx) {
    const analysis::Denial* denial = view.find(view.model->denials(), statement);
    if (denial == nullptr) return;
    for (const analysis::Denial& other : view.model->denials()) {
      if (&other == denial || !covers(other, *denial)) continue;
      // Two Denies that cover each other: the later one is the one to drop.
      if (covers(*denial, other) && before(*denial, other)) continue;
      ctx.report(statement.effect_text ? statement.effect_text->range : statement.range,
                 "the Deny at {} already denies everything this one does, without conditions; "
                 "this statement adds nothing",
                 view.where(other))
          .level(engine::Level::kNote);
      return;
    }
  }
};

IAMLINT_REGISTER_RULE(DeadScpStatement);

}  // namespace
}  // namespace iamlint::rules
