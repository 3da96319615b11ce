// IAM252: one policy names ARNs of different AWS partitions (aws, aws-cn, aws-us-gov, ...). A
// policy lives in one partition, so the ARNs of the others can never match there.
#include <algorithm>
#include <optional>
#include <vector>

#include "catalog/lists.h"
#include "engine/rule.h"

namespace iamlint::rules {
namespace {

struct PartitionUse {
  std::string_view partition;
  ByteRange range;
};

// The partition an ARN names, when it is a known one written out (no wildcard or variable).
std::optional<std::string_view> concrete_partition(std::string_view text) {
  std::optional<ast::Arn> arn = ast::split_arn(text);
  if (!arn || !catalog::is_partition(arn->partition)) return std::nullopt;
  return arn->partition;
}

void collect(const ast::Text& text, std::vector<PartitionUse>& uses) {
  if (auto partition = concrete_partition(text.value)) uses.push_back({*partition, text.range});
}

class MixedPartitions final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"correctness", "portability"};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM252",
      .name = "mixed-partitions",
      .level = engine::Level::kWarning,
      .summary = "A policy names ARNs of more than one AWS partition",
      .tags = kTags,
      .precision = engine::Precision::kHigh,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_policy(const ast::Policy& policy, engine::RuleContext& ctx) const override {
    std::vector<PartitionUse> uses;
    for (const ast::Statement& statement : policy.statements) {
      for (const auto* list : {&statement.resource, &statement.not_resource}) {
        if (!*list) continue;
        for (const ast::Resource& resource : (*list)->entries) collect(resource.text, uses);
      }
      for (const auto* principal : {&statement.principal, &statement.not_principal}) {
        if (!*principal) continue;
        for (const ast::PrincipalEntry& entry : (*principal)->entries) collect(entry.text, uses);
      }
    }
    if (uses.empty()) return;
    std::sort(uses.begin(), uses.end(), [](const PartitionUse& a, const PartitionUse& b) {
      return a.range.begin < b.range.begin;
    });
    const PartitionUse& first = uses.front();
    for (const PartitionUse& use : uses) {
      if (use.partition == first.partition) continue;
      ctx.report(use.range,
                 "this ARN is in partition \"{}\" but the policy's first ARN is in \"{}\"; a "
                 "policy applies in one partition, where the other's ARNs never match",
                 use.partition, first.partition)
          .related(first.range, fmt::format("the first ARN, in partition \"{}\"", first.partition));
    }
  }
};

IAMLINT_REGISTER_RULE(MixedPartitions);

}  // namespace
}  // namespace iamlint::rules
