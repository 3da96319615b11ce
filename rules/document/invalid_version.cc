// IAM007: Version names no policy language version. IAM knows "2012-10-17"
// (current) and "2008-10-17" (legacy); SCPs and RCPs accept only "2012-10-17".
#include "engine/fix_edits.h"
#include "engine/rule.h"

namespace iamlint::rules {
namespace {

constexpr std::string_view kCurrent = "2012-10-17";
constexpr std::string_view kLegacy = "2008-10-17";

class InvalidVersion final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"correctness"};
  static constexpr std::string_view kCodes[] = {"INVALID_VERSION"};
  static constexpr engine::Equivalent kEquivalents[] = {{"Parliament", "INVALID_VERSION"},
                                                        {"cfn-lint", "W2511"}};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM007",
      .name = "invalid-version",
      .level = engine::Level::kError,
      .summary = "Version is not a policy language version that the policy type accepts",
      .tags = kTags,
      .precision = engine::Precision::kVeryHigh,
      .access_analyzer_codes = kCodes,
      .equivalents = kEquivalents,
      .fixable = true,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_policy(const ast::Policy& policy, engine::RuleContext& ctx) const override {
    if (!policy.version) return;
    const ast::Text& version = *policy.version;
    if (version.value == kCurrent) return;
    bool organizations =
        policy.kind == ast::PolicyKind::kScp || policy.kind == ast::PolicyKind::kRcp;
    // IAM rejects the policy as written, and "2012-10-17" is the one version it accepts
    // everywhere: the fix cannot change the meaning of a policy in use.
    const engine::Fix fix{.description = fmt::format("Replace with \"{}\"", kCurrent),
                          .edits = {engine::replace_string(version.range, kCurrent)}};
    if (version.value == kLegacy) {
      if (!organizations) return;
      ctx.report(version.range, "an {} accepts only Version \"{}\"; write \"{}\"",
                 policy.kind == ast::PolicyKind::kScp ? "SCP" : "RCP", kCurrent, kCurrent)
          .fix(fix);
      return;
    }
    ctx.report(version.range, "Version \"{}\" is not a policy language version; write \"{}\"",
               version.value, kCurrent)
        .fix(fix);
  }
};

IAMLINT_REGISTER_RULE(InvalidVersion);

}  // namespace
}  // namespace iamlint::rules
