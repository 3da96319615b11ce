// IAM310: aws:SourceIp compared with private (RFC 1918 / unique-local) ranges, which it never
// holds.
#include <string>
#include <vector>

#include "catalog/ascii.h"
#include "condition/ip_range.h"
#include "condition/operator_family.h"
#include "engine/rule.h"

namespace iamlint::rules {
namespace {

class PrivateIpInSourceIp final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"correctness", "condition", "network"};
  static constexpr std::string_view kCodes[] = {"PRIVATE_IP_ADDRESS", "PRIVATE_NOT_IP_ADDRESS",
                                                "PRIVATE_IP_ADDRESS_SUBSET",
                                                "PRIVATE_NOT_IP_ADDRESS_SUBSET"};
  static constexpr engine::LevelCase kOtherLevels[] = {
      {engine::Level::kNote,
       "only some of the values are private ranges, so the condition still works for the others"}};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM310",
      .name = "private-ip-in-source-ip",
      .level = engine::Level::kError,
      .other_levels = kOtherLevels,
      .summary = "aws:SourceIp is compared with private IP ranges, which it never contains",
      .tags = kTags,
      .precision = engine::Precision::kHigh,
      .access_analyzer_codes = kCodes,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_condition(const ast::Statement&, const ast::Condition& condition,
                       engine::RuleContext& ctx) const override {
    if (operators::family_of(condition.op) != operators::Family::kIp ||
        !catalog::equals_folded(condition.key.value, "aws:SourceIp")) {
      return;
    }
    std::vector<const ast::ConditionValue*> private_values;
    std::size_t parsed = 0;
    for (const ast::ConditionValue& value : condition.values) {
      std::optional<ip::Range> range = ip::parse(value.text);
      if (!range) continue;
      ++parsed;
      if (ip::is_private(*range)) private_values.push_back(&value);
    }
    if (private_values.empty()) return;
    const bool negated = operators::is_negated(condition.op);
    if (private_values.size() == parsed) {
      std::string list;
      for (const ast::ConditionValue* value : private_values) {
        list += (list.empty() ? "\"" : ", \"") + std::string(value->text) + "\"";
      }
      ctx.report(condition.key.range,
                 "aws:SourceIp never holds a private address, so {} {} {}; use aws:VpcSourceIp for "
                 "addresses inside a VPC",
                 condition.op.text.value, list, negated ? "always matches" : "never matches")
          .code(negated ? "PRIVATE_NOT_IP_ADDRESS" : "PRIVATE_IP_ADDRESS");
      return;
    }
    for (const ast::ConditionValue* value : private_values) {
      ctx.report(value->range,
                 "\"{}\" is a private range, which aws:SourceIp never holds; move it to an "
                 "aws:VpcSourceIp condition",
                 value->text)
          .code(negated ? "PRIVATE_NOT_IP_ADDRESS_SUBSET" : "PRIVATE_IP_ADDRESS_SUBSET")
          .level(engine::Level::kNote);
    }
  }
};

IAMLINT_REGISTER_RULE(PrivateIpInSourceIp);

}  // namespace
}  // namespace iamlint::rules
