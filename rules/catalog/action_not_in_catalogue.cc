// IAM152: an Action or NotAction entry that the compiled-in catalogue does not know and that looks
// like no misspelling of anything it does know. AWS accepted every AWS managed policy, and those
// use actions newer than any snapshot (and some AWS has since retired), so this is a warning about
// our data as much as about the policy: it names the snapshot and how to refresh it.
#include "action_lookup.h"
#include "catalog/catalog.h"
#include "engine/rule.h"

namespace iamlint::rules {
namespace {

class ActionNotInCatalogue final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"correctness", "catalog"};
  static constexpr engine::Equivalent kEquivalents[] = {{"Parliament", "UNKNOWN_ACTION"},
                                                        {"Parliament", "UNKNOWN_PREFIX"}};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM152",
      .name = "action-not-in-catalogue",
      .level = engine::Level::kWarning,
      .summary =
          "An action or service is not in iamlint's catalogue snapshot and resembles nothing in it",
      .tags = kTags,
      .precision = engine::Precision::kMedium,
      .equivalents = kEquivalents,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_statement(const ast::Statement& statement, engine::RuleContext& ctx) const override {
    catalog_lookup::for_each_diagnosis(
        statement, ctx.facts(), [&](const ast::Action& action, const catalog_lookup::Diagnosis& d) {
          if (d.problem == catalog_lookup::Problem::kNone || d.mistake) return;
          std::string service_note =
              d.problem == catalog_lookup::Problem::kUnknownService
                  ? fmt::format(", which has no service \"{}\"", action.service)
                  : std::string();
          ctx.report(
              action.text.range,
              "\"{}\" {} in iamlint's action catalogue{} ({} of {}); check the spelling, and if "
              "AWS added it since, refresh the catalogue with tools/update-catalog",
              action.text.value, d.pattern ? "matches nothing" : "is not", service_note,
              catalog::snapshot_version(), catalog::snapshot_date());
        });
  }
};

IAMLINT_REGISTER_RULE(ActionNotInCatalogue);

}  // namespace
}  // namespace iamlint::rules
