// IAM351: a service condition key that iamlint's catalogue does not know (under a known service
// prefix or an unknown one) and that resembles no key it does know. AWS adds keys after any
// snapshot (AWS managed policies use some), so this is a warning about our data as much as about
// the policy.
#include <string>

#include "catalog/catalog.h"
#include "condition/condition_key_catalog.h"
#include "engine/rule.h"

namespace iamlint::rules {
namespace {

class ConditionKeyNotInCatalogue final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"correctness", "condition", "catalog"};
  static constexpr engine::Equivalent kEquivalents[] = {
      {"Parliament", "UNKNOWN_CONDITION_FOR_ACTION"}};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM351",
      .name = "condition-key-not-in-catalogue",
      .level = engine::Level::kWarning,
      .summary =
          "A service condition key is not in iamlint's catalogue snapshot and resembles nothing in "
          "it",
      .tags = kTags,
      .precision = engine::Precision::kMedium,
      .equivalents = kEquivalents,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_condition(const ast::Statement&, const ast::Condition& condition,
                       engine::RuleContext& ctx) const override {
    std::optional<condition_keys::UnknownServiceKey> unknown =
        condition_keys::diagnose_service_key(condition.key.value);
    if (!unknown || unknown->mistake) return;
    const std::string hint =
        unknown->suggestions.empty()
            ? std::string()
            : " (the nearest known key is \"" + unknown->suggestions.front() + "\")";
    const std::string where =
        unknown->service ? "of " + std::string(unknown->service->prefix())
                         : "of any service (there is no service \"" +
                               std::string(condition_keys::prefix_of(condition.key.value)) + "\")";
    ctx.report(condition.key.range,
               "\"{}\" is not a condition key {} in iamlint's catalogue ({} of {}){}; check the "
               "spelling, and if AWS added the key since, refresh the catalogue with "
               "tools/update-catalog",
               condition.key.value, where, catalog::snapshot_version(), catalog::snapshot_date(),
               hint);
  }
};

IAMLINT_REGISTER_RULE(ConditionKeyNotInCatalogue);

}  // namespace
}  // namespace iamlint::rules
