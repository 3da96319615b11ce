// IAM309: an IP condition CIDR with host bits set, which IAM ignores.
#include "condition/ip_range.h"
#include "condition/operator_family.h"
#include "engine/fix_edits.h"
#include "engine/rule.h"

namespace iamlint::rules {
namespace {

class IpRangeWithHostBits final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"style", "condition"};
  static constexpr std::string_view kCodes[] = {"IMPROVE_IP_RANGE"};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM309",
      .name = "ip-range-with-host-bits",
      .level = engine::Level::kNote,
      .summary = "An IP condition CIDR range has host bits set, which IAM ignores",
      .tags = kTags,
      .precision = engine::Precision::kVeryHigh,
      .access_analyzer_codes = kCodes,
      .fixable = true,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_condition(const ast::Statement&, const ast::Condition& condition,
                       engine::RuleContext& ctx) const override {
    if (operators::family_of(condition.op) != operators::Family::kIp) return;
    for (const ast::ConditionValue& value : condition.values) {
      std::optional<ip::Range> range = ip::parse(value.text);
      if (!range || range->prefix == range->bits() || !ip::has_host_bits(*range)) continue;
      // IAM ignores the host bits, so writing the network address changes nothing.
      const std::string network = ip::to_string(ip::network(*range));
      auto reported =
          ctx.report(value.range, "\"{}\" has host bits set, which are ignored; write \"{}\"",
                     value.text, network);
      if (value.kind == json::Kind::kString) {
        reported.fix({.description = fmt::format("Replace with \"{}\"", network),
                      .edits = {engine::replace_string(value.range, network)}});
      }
    }
  }
};

IAMLINT_REGISTER_RULE(IpRangeWithHostBits);

}  // namespace
}  // namespace iamlint::rules
