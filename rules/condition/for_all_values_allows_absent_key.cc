// IAM362: an Allow that tests a multivalued key with ForAllValues and does not require the key.
// ForAllValues holds when the request carries no value at all, so without a "Null": "false"
// guard the Allow also applies to requests that lack the key or send an empty list.
#include <algorithm>
#include <iterator>

#include "catalog/ascii.h"
#include "catalog/condition_key.h"
#include "condition/operator_family.h"
#include "engine/rule.h"

namespace iamlint::rules {
namespace {

// Keys that every request of the actions supporting them carries, because they come from a
// required request parameter: kms:CreateGrant's Operations, and the Changes of route53's
// ChangeResourceRecordSets, each with an Action, a Name and a Type.
constexpr std::string_view kAlwaysPresent[] = {
    "kms:grantoperations",
    "route53:changeresourcerecordsetsactions",
    "route53:changeresourcerecordsetsnormalizedrecordnames",
    "route53:changeresourcerecordsetsrecordtypes",
};

bool always_present(std::string_view key) {
  return std::any_of(std::begin(kAlwaysPresent), std::end(kAlwaysPresent),
                     [&](std::string_view known) { return catalog::equals_folded(key, known); });
}

// Whether the statement requires `key` with "Null": {key: "false"}.
bool requires_key(const ast::Statement& statement, std::string_view key) {
  return std::any_of(statement.conditions.begin(), statement.conditions.end(),
                     [&](const ast::Condition& c) {
                       return c.op.base == "Null" && c.op.qualifier == ast::SetQualifier::kNone &&
                              catalog::equals_folded(c.key.value, key) && c.values.size() == 1 &&
                              catalog::equals_folded(c.values.front().text, "false");
                     });
}

class ForAllValuesAllowsAbsentKey final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"security", "condition"};
  static constexpr engine::Equivalent kEquivalents[] = {
      {"iam-validator", "set_operator_validation"}};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM362",
      .name = "for-all-values-allows-absent-key",
      .level = engine::Level::kNote,
      .summary =
          "An Allow tests a multivalued key with ForAllValues but does not require the "
          "key, so requests without it are allowed too",
      .tags = kTags,
      .precision = engine::Precision::kHigh,
      .security_severity = "3.0",
      .equivalents = kEquivalents,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_condition(const ast::Statement& statement, const ast::Condition& condition,
                       engine::RuleContext& ctx) const override {
    if (!statement.allows() || condition.op.qualifier != ast::SetQualifier::kForAllValues) return;
    // An empty list is empty-condition's finding, and Null under ForAllValues is
    // null-with-set-qualifier's; a single-valued key is for-all-values-on-single-valued-key's.
    const operators::Family family = operators::family_of(condition.op);
    if (condition.values.empty() || family == operators::Family::kNull ||
        family == operators::Family::kUnknown)
      return;
    const std::optional<catalog::ConditionKey> known =
        catalog::find_condition_key(condition.key.value);
    if (known && !known->multivalued()) return;
    // A request without tag keys adds no tags: allowing it cannot grant more than allowing the
    // listed keys, so requiring tags is a tagging policy, not this rule's concern.
    if (catalog::ends_with_folded(condition.key.value, "tagkeys")) return;
    if (always_present(condition.key.value)) return;
    if (requires_key(statement, condition.key.value)) return;
    ctx.report(condition.op.text.range,
               "\"{}\" also holds when the request has no \"{}\" or an empty list, so this Allow "
               "applies to such requests too; if the key must be present, add "
               "\"Null\": {{\"{}\": \"false\"}}",
               condition.op.text.value, condition.key.value, condition.key.value)
        .related(condition.key.range, "the multivalued condition key");
  }
};

IAMLINT_REGISTER_RULE(ForAllValuesAllowsAbsentKey);

}  // namespace
}  // namespace iamlint::rules
