// IAM012: "Sid": "" identifies nothing; remove it or give it a name.
#include "engine/rule.h"

namespace iamlint::rules {
namespace {

class EmptySid final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"style"};
  static constexpr std::string_view kCodes[] = {"EMPTY_SID_VALUE"};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM012",
      .name = "empty-sid",
      .level = engine::Level::kNote,
      .summary = "A statement has an empty Sid",
      .tags = kTags,
      .precision = engine::Precision::kVeryHigh,
      .access_analyzer_codes = kCodes,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_statement(const ast::Statement& statement, engine::RuleContext& ctx) const override {
    if (!statement.sid || !statement.sid->value.empty()) return;
    ctx.report(statement.sid->range,
               "Sid is empty; remove it, or name the statement after what it grants");
  }
};

IAMLINT_REGISTER_RULE(EmptySid);

}  // namespace
}  // namespace iamlint::rules
