// IAM212: an identity policy allows, on every resource, the reads that leak data most often
// (s3:GetObject on every bucket), judged on what the policy allows after its Deny statements.
#include "engine/rule.h"
#include "privilege/risk_report.h"

namespace iamlint::rules {
namespace {

class DataExfiltration final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"security", "data-exfiltration",
                                               "external/cwe/cwe-200"};
  static constexpr engine::Equivalent kEquivalents[] = {
      {"Cloudsplaining", "DataExfiltration"},
      {"Checkov", "CKV_AWS_108"},
      {"Checkov", "CKV_AWS_288"},
  };
  static constexpr ast::PolicyKind kKinds[] = {ast::PolicyKind::kIdentity};
  static constexpr std::string_view kAbsorbs[] = {"IAM203", "IAM250"};
  static constexpr engine::LevelCase kOtherLevels[] = {
      {engine::Level::kNote,
       "every exfiltration action it grants is constrained "
       "by a condition on who, from where or on what"}};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM212",
      .name = "data-exfiltration",
      .level = engine::Level::kWarning,
      .other_levels = kOtherLevels,
      .summary = "An identity policy allows reading every object or exporting every table",
      .tags = kTags,
      .precision = engine::Precision::kHigh,
      .security_severity = "5.5",
      .equivalents = kEquivalents,
      .policy_kinds = kKinds,
      .judges_grants = true,
      .absorbs = kAbsorbs,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_policy(const ast::Policy& /*policy*/, engine::RuleContext& ctx) const override {
    risk::report_sensitive(analysis::SensitiveCategory::kExfiltration, "data", ctx);
  }
};

IAMLINT_REGISTER_RULE(DataExfiltration);

}  // namespace
}  // namespace iamlint::rules
