// IAM155: a Resource ARN whose resource part fits no resource type of its service (or whose
// region, account and resource fit no one type together), so the statement can never apply to it.
//
// A warning, though Access Analyzer calls INVALID_ARN_RESOURCE an error: the catalogue's ARN
// formats miss resource types (newer ones, and AWS-owned resources such as public SSM parameters),
// and AWS's own managed policies hold ARNs it cannot place. "Error" is kept for what is certain.
#include "analysis/actions.h"
#include "arn_formats.h"
#include "engine/rule.h"

namespace iamlint::rules {
namespace {

class ArnMatchesNoResourceType final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"correctness", "arn", "catalog"};
  static constexpr std::string_view kCodes[] = {"INVALID_ARN_RESOURCE"};
  static constexpr engine::Equivalent kEquivalents[] = {{"Parliament", "RESOURCE_MISMATCH"},
                                                        {"iam-validator", "invalid_resource"}};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM155",
      .name = "arn-matches-no-resource-type",
      .level = engine::Level::kWarning,
      .summary = "A resource ARN matches the ARN format of no resource type of its service",
      .tags = kTags,
      .precision = engine::Precision::kHigh,
      .access_analyzer_codes = kCodes,
      .equivalents = kEquivalents,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_statement(const ast::Statement& statement, engine::RuleContext& ctx) const override {
    const catalog::ActionSet* actions = nullptr;  // asked for only when an ARN fits nothing
    catalog_arn::for_each_resource(statement, [&](const ast::Resource& resource) {
      std::optional<catalog_arn::CheckedArn> arn = catalog_arn::checkable(resource);
      if (!arn) return;
      catalog_arn::Mismatch mismatch = catalog_arn::mismatch(*arn);
      if (mismatch != catalog_arn::Mismatch::kResource &&
          mismatch != catalog_arn::Mismatch::kCombination)
        return;
      if (!actions) actions = &ctx.facts().statement_actions(statement);
      std::string expected = catalog_join::join_some(catalog_arn::expected_formats(*arn, *actions));
      const ast::Text& text = resource.text;
      if (mismatch == catalog_arn::Mismatch::kResource) {
        std::string guess = catalog_arn::guess_resource_word(*arn);
        ctx.report(
            catalog_arn::segment_range(text, arn->parts.resource),
            "the resource part \"{}\" of \"{}\" fits no '{}' resource type in iamlint's catalogue; "
            "{} it as in {}",
            arn->parts.resource, text.value, arn->parts.service,
            guess.empty() ? std::string("write") : fmt::format("did you mean \"{}\"? Write", guess),
            expected);
      } else {
        ctx.report(text.range,
                   "\"{}\" fits no '{}' resource type in iamlint's catalogue: its region, account "
                   "and resource part each fit some type, but no single one; write it as in {}",
                   text.value, arn->parts.service, expected);
      }
    });
  }
};

IAMLINT_REGISTER_RULE(ArnMatchesNoResourceType);

}  // namespace
}  // namespace iamlint::rules
