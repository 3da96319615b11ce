// IAM358: a Deny statement conditioned on a tag key that some services among its actions do not
// support: for their actions the key is never present, so the Deny never applies to them.
#include "condition/unsupported_tag_key.h"
#include "engine/rule.h"

namespace iamlint::rules {
namespace {

class DenyWithUnsupportedTagKey final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"security", "condition", "tags"};
  static constexpr std::string_view kCodes[] = {
      "DENY_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE",
      "DENY_NOTACTION_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE"};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM358",
      .name = "deny-with-unsupported-tag-key",
      .level = engine::Level::kWarning,
      .summary =
          "A Deny depends on a tag condition key that services among its actions do not support, "
          "so it never denies their actions",
      .tags = kTags,
      .precision = engine::Precision::kHigh,
      .security_severity = "6.0",
      .access_analyzer_codes = kCodes,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_condition(const ast::Statement& statement, const ast::Condition& condition,
                       engine::RuleContext& ctx) const override {
    if (statement.effect != ast::Effect::kDeny) return;
    std::optional<tag_support::Gap> gap = tag_support::find_gap(statement, condition, ctx.facts());
    // A condition that holds without the key denies those services' actions outright.
    if (!gap || gap->matches_without_key) return;
    const bool one = gap->services.size() == 1;
    if (gap->not_action) {
      ctx.report(condition.key.range,
                 "This Deny covers every action NotAction does not list, but {} {} not support "
                 "\"{}\": {} actions never carry it, so they are never denied; deny them by a "
                 "condition they support, in a separate statement (IfExists would deny them "
                 "regardless of tags)",
                 tag_support::service_list(gap->services), one ? "does" : "do", condition.key.value,
                 one ? "its" : "their")
          .code("DENY_NOTACTION_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE");
      return;
    }
    auto finding =
        ctx.report(condition.key.range,
                   "{} {} not support \"{}\": {} actions never carry it, so this Deny never "
                   "applies to them; deny them by a condition they support, in a separate "
                   "statement (IfExists would deny them regardless of tags)",
                   tag_support::service_list(gap->services), one ? "does" : "do",
                   condition.key.value, one ? "its" : "their");
    finding.code("DENY_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE");
    for (const ast::Action* entry : gap->entries)
      finding.related(entry->text.range, "never denied by this statement");
  }
};

IAMLINT_REGISTER_RULE(DenyWithUnsupportedTagKey);

}  // namespace
}  // namespace iamlint::rules
