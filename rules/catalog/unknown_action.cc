// IAM151: an Action or NotAction entry of a known service that names no action of it, when the
// catalogue knows what was meant: a close spelling ("iam:PasRole") or the permission behind an API
// operation ("s3:HeadObject" is authorised by s3:GetObject), or the beginning of several action
// names without its `*` ("s3:Put"). Without such evidence the name may be newer than the
// catalogue, and action-not-in-catalogue reports it instead.
#include "action_lookup.h"
#include "engine/rule.h"

namespace iamlint::rules {
namespace {

class UnknownAction final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"correctness", "catalog"};
  static constexpr std::string_view kCodes[] = {"INVALID_ACTION"};
  static constexpr engine::Equivalent kEquivalents[] = {{"Parliament", "UNKNOWN_ACTION"},
                                                        {"iam-validator", "invalid_action"}};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM151",
      .name = "unknown-action",
      .level = engine::Level::kError,
      .summary =
          "An action is a misspelling of a known action, an API operation name instead of its "
          "permission, or the beginning of action names without its *",
      .tags = kTags,
      .precision = engine::Precision::kHigh,
      .access_analyzer_codes = kCodes,
      .equivalents = kEquivalents,
      .fixable = true,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_statement(const ast::Statement& statement, engine::RuleContext& ctx) const override {
    catalog_lookup::for_each_diagnosis(
        statement, ctx.facts(), [&](const ast::Action& action, const catalog_lookup::Diagnosis& d) {
          if (d.problem != catalog_lookup::Problem::kNoMatch || !d.mistake) return;
          auto reported = ctx.report(action.text.range, "{}", message(action, d));
          if (auto fix = catalog_lookup::correction(statement, action, d, ctx.json())) {
            reported.fix(std::move(*fix));
          }
        });
  }

 private:
  static std::string message(const ast::Action& action, const catalog_lookup::Diagnosis& d) {
    std::string suggestions = catalog_join::join_or(d.suggestions);
    if (d.api_name) {
      return fmt::format(
          "\"{}\" is an API operation, not an IAM action; the permission that authorises it is {}",
          action.text.value, suggestions);
    }
    if (d.missing_wildcard) {
      return fmt::format(
          "\"{}\" names no action of the '{}' service, only the beginning of {} of them; add the "
          "missing `*` (\"{}\") or name the action meant",
          action.text.value, action.service, d.prefixed_actions, suggestions);
    }
    if (d.pattern) {
      return fmt::format(
          "the pattern \"{}\" matches no action of the '{}' service; did you mean {}?",
          action.text.value, action.service, suggestions);
    }
    return fmt::format("the '{}' service has no action \"{}\"; did you mean {}?", action.service,
                       action.name, suggestions);
  }
};

IAMLINT_REGISTER_RULE(UnknownAction);

}  // namespace
}  // namespace iamlint::rules
