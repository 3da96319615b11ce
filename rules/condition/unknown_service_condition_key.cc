// IAM350: a service condition key that does not exist, where the catalogue shows what was meant:
// a known service without the key (s3:SourceIp for aws:SourceIp, a misspelt key name), or a
// misspelt service prefix under which the key exists (dynamodbb:LeadingKeys).
#include "catalog/join.h"
#include "condition/condition_key_catalog.h"
#include "condition/key_correction.h"
#include "engine/rule.h"

namespace iamlint::rules {
namespace {

// The key meant, when it is certain: the one close service prefix that has the key, the global key
// that a service prefix was put on, or the only likely typo of a key of the catalogue.
std::optional<std::string> certain_key(std::string_view key,
                                       const condition_keys::UnknownServiceKey& unknown) {
  if (unknown.suggestions.size() != 1) return std::nullopt;
  const std::string& meant = unknown.suggestions.front();
  if (!unknown.service ||
      catalog::equals_folded(condition_keys::name_of(meant), condition_keys::name_of(key))) {
    return meant;
  }
  if (condition_keys::certainly_meant(key, catalog::suggest_condition_keys(key, 2))) return meant;
  return std::nullopt;
}

class UnknownServiceConditionKey final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"correctness", "condition"};
  static constexpr std::string_view kCodes[] = {"INVALID_SERVICE_CONDITION_KEY", "INVALID_SERVICE"};
  static constexpr engine::Equivalent kEquivalents[] = {
      {"Parliament", "UNKNOWN_CONDITION_FOR_ACTION"}};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM350",
      .name = "unknown-service-condition-key",
      .level = engine::Level::kError,
      .summary =
          "A service condition key does not exist; the key meant is a global one, or it or its "
          "service prefix is spelt differently",
      .tags = kTags,
      .precision = engine::Precision::kHigh,
      .access_analyzer_codes = kCodes,
      .equivalents = kEquivalents,
      .fixable = true,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_condition(const ast::Statement&, const ast::Condition& condition,
                       engine::RuleContext& ctx) const override {
    std::optional<condition_keys::UnknownServiceKey> unknown =
        condition_keys::diagnose_service_key(condition.key.value);
    if (!unknown || !unknown->mistake) return;
    std::vector<std::string> quoted;
    for (const std::string& key : unknown->suggestions) quoted.push_back("\"" + key + "\"");
    const std::string suggestions = catalog_join::join_or(quoted);
    auto reported =
        unknown->service
            ? ctx.report(condition.key.range,
                         "{} ({}) has no condition key \"{}\"; did you mean {}?",
                         unknown->service->prefix(), unknown->service->name(), condition.key.value,
                         suggestions)
            : ctx.report(condition.key.range,
                         "the service prefix \"{}\" in \"{}\" does not exist; did you mean {}?",
                         condition_keys::prefix_of(condition.key.value), condition.key.value,
                         suggestions);
    reported.code(unknown->service ? "INVALID_SERVICE_CONDITION_KEY" : "INVALID_SERVICE");
    if (std::optional<std::string> meant = certain_key(condition.key.value, *unknown)) {
      if (auto fix = condition_keys::replace_key(condition, *meant, ctx.json()))
        reported.fix(std::move(*fix));
    }
  }
};

IAMLINT_REGISTER_RULE(UnknownServiceConditionKey);

}  // namespace
}  // namespace iamlint::rules
