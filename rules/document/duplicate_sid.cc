// IAM011: two statements share a Sid. IAM requires unique Sids in the policies
// it stores (identity and trust policies: UNIQUE_SIDS_REQUIRED, an error); for
// resource policies, SCPs and RCPs uniqueness is what AWS recommends
// (UNIQUE_SIDS_RECOMMENDED, a warning), as some services (SQS, SNS) enforce it
// and others do not.
#include <unordered_map>

#include "engine/rule.h"
#include "grammar.h"

namespace iamlint::rules {
namespace {

class DuplicateSid final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"correctness"};
  static constexpr std::string_view kCodes[] = {"UNIQUE_SIDS_REQUIRED", "UNIQUE_SIDS_RECOMMENDED"};
  static constexpr engine::Equivalent kEquivalents[] = {{"Parliament", "DUPLICATE_SID"}};
  static constexpr engine::LevelCase kOtherLevels[] = {
      {engine::Level::kWarning,
       "the policy is a resource policy, SCP or RCP, which accept duplicate Sids"}};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM011",
      .name = "duplicate-sid",
      .level = engine::Level::kError,
      .other_levels = kOtherLevels,
      .summary = "Two statements of the policy have the same Sid",
      .tags = kTags,
      .precision = engine::Precision::kVeryHigh,
      .access_analyzer_codes = kCodes,
      .equivalents = kEquivalents,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_policy(const ast::Policy& policy, engine::RuleContext& ctx) const override {
    bool required = document::is_iam_kind(policy.kind);
    std::unordered_map<std::string_view, const ast::Text*> first_by_sid;
    for (const ast::Statement& statement : policy.statements) {
      // An empty Sid is no identifier at all; empty-sid reports it.
      if (!statement.sid || statement.sid->value.empty()) continue;
      const ast::Text& sid = *statement.sid;
      auto [first, inserted] = first_by_sid.emplace(sid.value, &sid);
      if (inserted) continue;
      if (required) {
        ctx.report(sid.range,
                   "Sid \"{}\" is already used by another statement; IAM requires unique Sids: "
                   "rename this one",
                   sid.value)
            .code("UNIQUE_SIDS_REQUIRED")
            .related(first->second->range, "first used here");
      } else {
        ctx.report(sid.range,
                   "Sid \"{}\" is already used by another statement; rename this one so that each "
                   "statement can be told apart",
                   sid.value)
            .code("UNIQUE_SIDS_RECOMMENDED")
            .level(engine::Level::kWarning)
            .related(first->second->range, "first used here");
      }
    }
  }
};

IAMLINT_REGISTER_RULE(DuplicateSid);

}  // namespace
}  // namespace iamlint::rules
