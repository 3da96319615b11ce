// IAM150: an Action or NotAction entry whose service prefix is a misspelling of a known one
// ("s4:GetObject"), or that is not an action at all (an ARN). Unknown prefixes without such
// evidence may be services newer than the catalogue: action-not-in-catalogue reports those.
#include "action_lookup.h"
#include "engine/rule.h"

namespace iamlint::rules {
namespace {

class UnknownServiceInAction final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"correctness", "catalog"};
  static constexpr std::string_view kCodes[] = {"INVALID_SERVICE_IN_ACTION", "INVALID_SERVICE"};
  static constexpr engine::Equivalent kEquivalents[] = {{"Parliament", "UNKNOWN_PREFIX"},
                                                        {"iam-validator", "invalid_action"}};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM150",
      .name = "unknown-service-in-action",
      .level = engine::Level::kError,
      .summary =
          "An action's service prefix is a misspelling of a known service, or the action is an ARN",
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
          if (d.problem != catalog_lookup::Problem::kUnknownService || !d.mistake) return;
          if (d.arn) {
            ctx.report(action.text.range,
                       "\"{}\" is an ARN, not an action; write actions as service:Action (e.g. "
                       "s3:GetObject) and put the ARN in Resource",
                       action.text.value)
                .code("INVALID_SERVICE");
            return;
          }
          auto reported =
              ctx.report(action.text.range,
                         "the service prefix \"{}\" in \"{}\" does not exist; did you mean {}?",
                         action.service, action.text.value, catalog_join::join_or(d.suggestions))
                  .code("INVALID_SERVICE_IN_ACTION");
          if (auto fix = catalog_lookup::correction(statement, action, d, ctx.json())) {
            reported.fix(std::move(*fix));
          }
        });
  }
};

IAMLINT_REGISTER_RULE(UnknownServiceInAction);

}  // namespace
}  // namespace iamlint::rules
