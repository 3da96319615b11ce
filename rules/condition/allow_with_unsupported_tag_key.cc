// IAM359: an Allow statement conditioned on a tag key that some services among its actions do not
// support: their actions never carry the key, so the Allow never grants them (or, under IfExists,
// a negated operator or ForAllValues, grants them whatever their tags).
#include "condition/unsupported_tag_key.h"
#include "engine/rule.h"

namespace iamlint::rules {
namespace {

class AllowWithUnsupportedTagKey final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"correctness", "condition", "tags"};
  static constexpr std::string_view kCodes[] = {
      "ALLOW_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE",
      "ALLOW_NOTACTION_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE"};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM359",
      .name = "allow-with-unsupported-tag-key",
      .level = engine::Level::kNote,
      .summary =
          "An Allow depends on a tag condition key that services among its actions do not support",
      .tags = kTags,
      .precision = engine::Precision::kHigh,
      .access_analyzer_codes = kCodes,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_condition(const ast::Statement& statement, const ast::Condition& condition,
                       engine::RuleContext& ctx) const override {
    if (!statement.allows()) return;
    std::optional<tag_support::Gap> gap = tag_support::find_gap(statement, condition, ctx.facts());
    if (!gap) return;
    const std::string_view outcome =
        gap->matches_without_key
            ? "so this Allow grants them whatever their tags, because the condition holds without "
              "the key"
            : "so this Allow never grants them";
    const std::string services = tag_support::service_list(gap->services);
    const bool one = gap->services.size() == 1;
    const char* verb = one ? "does" : "do";
    const char* whose = one ? "its" : "their";
    if (gap->not_action) {
      ctx.report(condition.key.range,
                 "This Allow covers every action NotAction does not list, but {} {} not support "
                 "\"{}\": {} actions never carry it, {}; list the actions to allow instead",
                 services, verb, condition.key.value, whose, outcome)
          .code("ALLOW_NOTACTION_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE");
      return;
    }
    auto finding =
        ctx.report(condition.key.range,
                   "{} {} not support \"{}\": {} actions never carry it, {}; allow them in a "
                   "separate statement with a condition they support",
                   services, verb, condition.key.value, whose, outcome);
    finding.code("ALLOW_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE");
    for (const ast::Action* entry : gap->entries)
      finding.related(entry->text.range, "not governed by this tag key");
  }
};

IAMLINT_REGISTER_RULE(AllowWithUnsupportedTagKey);

}  // namespace
}  // namespace iamlint::rules
