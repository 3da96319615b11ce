// IAM008: the policy has no Version. IAM then applies the legacy 2008-10-17
// language, in which policy variables such as ${aws:username} are plain text.
#include "engine/fix_edits.h"
#include "engine/rule.h"
#include "grammar.h"

namespace iamlint::rules {
namespace {

class MissingVersion final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"correctness", "best-practice"};
  static constexpr std::string_view kCodes[] = {"MISSING_VERSION"};
  static constexpr engine::Equivalent kEquivalents[] = {{"Parliament", "NO_VERSION"}};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM008",
      .name = "missing-version",
      .level = engine::Level::kWarning,
      .summary = "The policy has no Version element",
      .tags = kTags,
      .precision = engine::Precision::kVeryHigh,
      .access_analyzer_codes = kCodes,
      .equivalents = kEquivalents,
      .fixable = true,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_policy(const ast::Policy& policy, engine::RuleContext& ctx) const override {
    const json::Document& doc = ctx.json();
    if (document::has_member(doc, policy.node, "Version")) return;
    auto reported =
        ctx.report(document::opening_brace(doc.node(policy.node)),
                   "the policy has no Version, so the legacy language applies and policy variables "
                   "do not work; add \"Version\": \"2012-10-17\"");
    if (doc.node(policy.node).first_child == json::kNoNode) return;
    // The two languages differ only in policy variables: without a "${", adding the Version
    // changes nothing; with one, the text starts to be evaluated, which is what was meant.
    const bool has_variable = ctx.source_text().find("${") != std::string_view::npos;
    reported.fix({.description = "Add \"Version\": \"2012-10-17\"",
                  .edits = {engine::insert_first_member(ctx.source_text(), doc, policy.node,
                                                        R"("Version": "2012-10-17")")},
                  .safe = !has_variable});
  }
};

IAMLINT_REGISTER_RULE(MissingVersion);

}  // namespace
}  // namespace iamlint::rules
