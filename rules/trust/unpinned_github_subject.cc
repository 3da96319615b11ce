// IAM506: a wildcard in the GitHub OIDC subject claim within one owner's repositories, which lets
// more repositories, branches or environments assume the role than intended. A pattern that
// leaves the owner open ("repo:*") is unconstrained-oidc-principal's, with its higher severity;
// a wildcard under a literal operator matches nothing and is wildcard-without-like-operator's.
#include "catalog/ascii.h"
#include "engine/rule.h"
#include "github_subject.h"
#include "trust_principals.h"

namespace iamlint::rules {
namespace {

// "token.actions.githubusercontent.com:sub", also behind a GitHub Enterprise path.
bool is_github_sub_key(std::string_view key) {
  return catalog::starts_with_folded(key, trust::kGithubHost) && key.size() > 4 &&
         catalog::equals_folded(key.substr(key.size() - 4), ":sub");
}

class UnpinnedGithubSubject final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"security", "trust", "federation", "oidc",
                                               "least-privilege"};
  static constexpr std::string_view kCodes[] = {"SPECIFIC_GITHUB_REPO_AND_BRANCH_RECOMMENDED"};
  static constexpr ast::PolicyKind kKinds[] = {ast::PolicyKind::kTrust};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM506",
      .name = "unpinned-github-subject",
      .level = engine::Level::kWarning,
      .summary =
          "The GitHub OIDC sub condition has a wildcard instead of a specific repository and "
          "branch",
      .tags = kTags,
      .precision = engine::Precision::kHigh,
      .security_severity = "5.0",
      .access_analyzer_codes = kCodes,
      .policy_kinds = kKinds,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_condition(const ast::Statement& statement, const ast::Condition& condition,
                       engine::RuleContext& ctx) const override {
    if (!statement.allows() || !is_github_sub_key(condition.key.value) ||
        !operators::is_like(condition.op) || operators::is_negated(condition.op))
      return;
    const std::string_view host = condition.key.value.substr(0, condition.key.value.size() - 4);
    const trust::GithubSubject subject = trust::github_subject(statement, host);
    if (subject.scope == trust::SubjectScope::kAnyRepository || subject.literal) return;
    for (const ast::ConditionValue& value : condition.values) {
      if (value.text.find_first_of("*?") == std::string_view::npos) continue;
      ctx.report(
          value.range,
          "\"{}\" value \"{}\" has a wildcard, so more repositories, branches or environments can "
          "assume the role than intended; name the repository and branch "
          "(\"repo:<org>/<repo>:ref:refs/heads/<branch>\"), or use \"{}:ref\" for the branch",
          condition.key.value, value.text, trust::kGithubHost);
    }
  }
};

IAMLINT_REGISTER_RULE(UnpinnedGithubSubject);

}  // namespace
}  // namespace iamlint::rules
