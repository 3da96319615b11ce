// IAM156: a Resource ARN whose partition is no AWS partition ("aws-gov", "amazon"), or whose region
// is no AWS region or one of another partition than the ARN's ("cn-north-1" under "aws").
#include <vector>

#include "arn_formats.h"
#include "catalog/lists.h"
#include "catalog/suggest.h"
#include "engine/rule.h"

namespace iamlint::rules {
namespace {

// Regions of any partition spelt close to `region` ("us-eats-1" -> "us-east-1"), closest first.
std::vector<std::string> close_regions(std::string_view region) {
  constexpr std::size_t kShown = 2;
  std::vector<std::string_view> known;
  for (std::string_view partition : catalog::partitions()) {
    for (std::string_view name : catalog::regions_of(partition)) known.push_back(name);
  }
  return catalog::suggest_from(region, known, kShown);
}

bool is_literal(std::string_view segment) {
  return !catalog_arn::has_wildcard(segment) && !catalog_arn::has_variable(segment);
}

class UnknownArnPartitionOrRegion final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"correctness", "arn"};
  static constexpr std::string_view kCodes[] = {"INVALID_PARTITION", "INVALID_ARN_REGION"};
  static constexpr engine::Equivalent kEquivalents[] = {{"iam-validator", "invalid_resource"}};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM156",
      .name = "unknown-arn-partition-or-region",
      .level = engine::Level::kError,
      .summary =
          "A resource ARN names a partition or region that does not exist, or a region of another "
          "partition",
      .tags = kTags,
      .precision = engine::Precision::kHigh,
      .access_analyzer_codes = kCodes,
      .equivalents = kEquivalents,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_statement(const ast::Statement& statement, engine::RuleContext& ctx) const override {
    catalog_arn::for_each_resource(statement, [&](const ast::Resource& resource) {
      std::optional<ast::Arn> arn = catalog_arn::well_formed(resource);
      if (!arn) return;
      const ast::Text& text = resource.text;
      const bool known_partition = catalog::is_partition(arn->partition);
      if (is_literal(arn->partition) && !known_partition) {
        ctx.report(catalog_arn::segment_range(text, arn->partition),
                   "\"{}\" is not an AWS partition; use one of {} (aws for the commercial regions)",
                   arn->partition, catalog_join::join_or(catalog::partitions()))
            .code("INVALID_PARTITION");
      }
      if (arn->region.empty() || !is_literal(arn->region)) return;
      std::optional<std::string_view> home = catalog::partition_of_region(arn->region);
      if (!home) {
        std::vector<std::string> close = close_regions(arn->region);
        ctx.report(catalog_arn::segment_range(text, arn->region), "\"{}\" is not an AWS region{}",
                   arn->region,
                   close.empty() ? std::string("; name a region such as us-east-1, or \"*\"")
                                 : fmt::format("; did you mean {}?", catalog_join::join_or(close)))
            .code("INVALID_ARN_REGION");
      } else if (known_partition && *home != arn->partition) {
        ctx.report(catalog_arn::segment_range(text, arn->region),
                   "region \"{}\" is in partition \"{}\", but the ARN names partition \"{}\"; "
                   "write arn:{}:... or a region of {}",
                   arn->region, *home, arn->partition, *home, arn->partition)
            .code("INVALID_ARN_REGION");
      }
    });
  }
};

IAMLINT_REGISTER_RULE(UnknownArnPartitionOrRegion);

}  // namespace
}  // namespace iamlint::rules
