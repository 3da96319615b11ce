// IAM154: a Resource ARN with a region or account where every format of its service that fits its
// resource part has none (S3 buckets, IAM roles), or without one where every such format needs one.
//
// AWS-owned resources that every account may use (SSM documents and public parameters, Resource
// Explorer service views) have ARNs without an account, which the catalogue's formats, written for
// the caller's own resources, do not show: the names AWS reserves for them are recognised. Other
// missing accounts are a warning, not an error, in case AWS owns more such resources.
#include <algorithm>
#include <array>
#include <string>

#include "arn_formats.h"
#include "catalog/ascii.h"
#include "catalog/glob.h"
#include "engine/fix_edits.h"
#include "engine/rule.h"

namespace iamlint::rules {
namespace {

// Resource parts of AWS-owned resources, by service: name prefixes that AWS reserves, compared
// case-insensitively. Sources: SSM CreateDocument ("aws", "amazon" and "amzn" are reserved document
// name prefixes), SSM parameter name constraints ("aws" is reserved; public parameters live under
// /aws/service/), and Resource Explorer's AWS service views ("AWSServiceViewFor...").
struct AwsOwnedPrefix {
  std::string_view service;
  std::string_view resource;
};
constexpr std::array<AwsOwnedPrefix, 8> kAwsOwned = {{
    {"ssm", "document/aws"},
    {"ssm", "document/amazon"},
    {"ssm", "document/amzn"},
    {"ssm", "automation-definition/aws"},
    {"ssm", "automation-definition/amazon"},
    {"ssm", "automation-definition/amzn"},
    {"ssm", "parameter/aws/"},
    {"resource-explorer-2", "view/AWSServiceView"},
}};

// Whether the ARN can name an AWS-owned resource: "document/*" without an account can only mean
// AWS's documents (AWSOpsWorksCMServiceRole writes "arn:aws:ssm:*::document/*").
bool is_aws_owned(const ast::Arn& arn) {
  return std::any_of(kAwsOwned.begin(), kAwsOwned.end(), [&](const AwsOwnedPrefix& owned) {
    return arn.service == owned.service &&
           (catalog::starts_with_folded(arn.resource, owned.resource) ||
            catalog::glob_intersects(arn.resource, std::string(owned.resource) + "*",
                                     catalog::LetterCase::kInsensitive));
  });
}

class ArnRegionAccountMismatch final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"correctness", "arn", "catalog"};
  static constexpr std::string_view kCodes[] = {"ARN_REGION_NOT_ALLOWED", "ARN_ACCOUNT_NOT_ALLOWED",
                                                "MISSING_ARN_REGION", "MISSING_ARN_ACCOUNT"};
  static constexpr engine::Equivalent kEquivalents[] = {{"Parliament", "RESOURCE_MISMATCH"},
                                                        {"iam-validator", "invalid_resource"}};
  static constexpr engine::LevelCase kOtherLevels[] = {
      {engine::Level::kWarning,
       "an ARN lacks the account ID its kind needs, which is right only for resources AWS owns"}};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM154",
      .name = "arn-region-account-mismatch",
      .level = engine::Level::kError,
      .other_levels = kOtherLevels,
      .summary =
          "A resource ARN has a region or account its service's ARNs do not have, or lacks one "
          "they need",
      .tags = kTags,
      .precision = engine::Precision::kHigh,
      .access_analyzer_codes = kCodes,
      .equivalents = kEquivalents,
      .fixable = true,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  // A region or an account that the service's ARNs do not have. The correction is final: when
  // the ARN has both, both go in one step (arn:aws:s3:us-east-1:111122223333:b/* becomes
  // arn:aws:s3:::b/*, not an ARN that then fails on its account). It is an unsafe fix: the ARN
  // matched nothing before, and will match the resource.
  static void report_not_allowed(const catalog_arn::CheckedArn& arn, const ast::Resource& resource,
                                 engine::RuleContext& ctx) {
    const ast::Arn& parts = arn.parts;
    const bool region_wrong = !parts.region.empty() &&
                              !catalog_arn::any_format_matches(
                                  arn, catalog_arn::matchable(parts.region), "*", parts.resource);
    std::string_view region = region_wrong ? "" : parts.region;
    std::string_view account = parts.account;
    if (!catalog_arn::any_format_matches(arn, catalog_arn::matchable(region),
                                         catalog_arn::matchable(account), parts.resource)) {
      account = "";
    }
    const std::string fixed = fmt::format("arn:{}:{}:{}:{}:{}", parts.partition, parts.service,
                                          region, account, parts.resource);
    const bool account_wrong = account.empty() && !parts.account.empty();
    std::string what = region_wrong && account_wrong ? "no region and no account ID"
                       : region_wrong                ? "no region"
                                                     : "no account ID";
    std::string named = region_wrong && account_wrong
                            ? fmt::format("\"{}\" and \"{}\"", parts.region, parts.account)
                        : region_wrong ? fmt::format("\"{}\"", parts.region)
                                       : fmt::format("\"{}\"", parts.account);
    ByteRange at =
        catalog_arn::segment_range(resource.text, region_wrong ? parts.region : parts.account);
    // Offered only when the service has an ARN format the corrected ARN fits.
    const bool final = catalog_arn::any_format_matches(
        arn, catalog_arn::matchable(region), catalog_arn::matchable(account), parts.resource);
    auto reported = ctx.report(at, "'{}' ARNs of this kind have {}, but \"{}\" names {}{}",
                               parts.service, what, resource.text.value, named,
                               final ? fmt::format("; write \"{}\"", fixed) : std::string())
                        .code(region_wrong ? "ARN_REGION_NOT_ALLOWED" : "ARN_ACCOUNT_NOT_ALLOWED");
    if (final) {
      reported.fix({.description = fmt::format("Replace with \"{}\"", fixed),
                    .edits = {engine::replace_string(resource.text.range, fixed)},
                    .safe = false});
    }
  }

  void check_statement(const ast::Statement& statement, engine::RuleContext& ctx) const override {
    catalog_arn::for_each_resource(statement, [&](const ast::Resource& resource) {
      std::optional<catalog_arn::CheckedArn> arn = catalog_arn::checkable(resource);
      if (!arn) return;
      const ast::Text& text = resource.text;
      const ast::Arn& parts = arn->parts;
      switch (catalog_arn::mismatch(*arn)) {
        case catalog_arn::Mismatch::kRegionNotAllowed:
        case catalog_arn::Mismatch::kAccountNotAllowed:
          report_not_allowed(*arn, resource, ctx);
          break;
        case catalog_arn::Mismatch::kMissingRegion:
          ctx.report(text.range,
                     "'{}' ARNs of this kind need a region, but \"{}\" has none; name one, or "
                     "\"*\" for every region (arn:{}:{}:*:{}:{})",
                     parts.service, text.value, parts.partition, parts.service, parts.account,
                     parts.resource)
              .code("MISSING_ARN_REGION");
          break;
        case catalog_arn::Mismatch::kMissingAccount:
          if (is_aws_owned(parts)) break;
          ctx.report(text.range,
                     "'{}' ARNs of this kind need an account ID, but \"{}\" has none; unless it "
                     "names a resource AWS owns, name the 12-digit account, or \"*\" for every "
                     "account (arn:{}:{}:{}:*:{})",
                     parts.service, text.value, parts.partition, parts.service, parts.region,
                     parts.resource)
              .code("MISSING_ARN_ACCOUNT")
              .level(engine::Level::kWarning);
          break;
        default:
          break;
      }
    });
  }
};

IAMLINT_REGISTER_RULE(ArnRegionAccountMismatch);

}  // namespace
}  // namespace iamlint::rules
