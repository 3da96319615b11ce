// IAM016: the policy is longer than its type's size quota. IAM counts
// characters without whitespace (6,144 for a managed policy, 2,048 for a role
// trust policy by default; both are warnings, as AWS managed policies may be
// larger and the trust quota can be raised); Organizations counts every
// character of an SCP or RCP, whitespace included (5,120; an error, as the
// policy is rejected). Resource policy quotas depend on the service, so they
// are not checked.
#include <fmt/format.h>

#include "engine/rule.h"
#include "grammar.h"

namespace iamlint::rules {
namespace {

using ast::PolicyKind;

constexpr std::string_view kTags[] = {"correctness"};
constexpr std::string_view kCodes[] = {
    "POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA", "POLICY_SIZE_EXCEEDS_ROLE_TRUST_POLICY_QUOTA",
    "POLICY_SIZE_EXCEEDS_SCP_QUOTA", "POLICY_SIZE_EXCEEDS_RCP_QUOTA"};
// Trust first: the documentation example is linted as the first kind, and its
// quota is the smallest.
constexpr PolicyKind kKinds[] = {PolicyKind::kTrust, PolicyKind::kIdentity, PolicyKind::kScp,
                                 PolicyKind::kRcp};

struct Quota {
  std::string_view code;
  std::string_view what;
  std::size_t limit;
  bool counts_whitespace;
  engine::Level level;
};

Quota quota_for(PolicyKind kind) {
  switch (kind) {
    case PolicyKind::kTrust:
      return {"POLICY_SIZE_EXCEEDS_ROLE_TRUST_POLICY_QUOTA",
              "a role trust policy (unless the quota was raised)", 2048, false,
              engine::Level::kWarning};
    case PolicyKind::kScp:
      return {"POLICY_SIZE_EXCEEDS_SCP_QUOTA", "an SCP", 5120, true, engine::Level::kError};
    case PolicyKind::kRcp:
      return {"POLICY_SIZE_EXCEEDS_RCP_QUOTA", "an RCP", 5120, true, engine::Level::kError};
    default:
      return {"POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA", "a managed policy", 6144, false,
              engine::Level::kWarning};
  }
}

bool is_whitespace(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Characters, not bytes: a UTF-8 continuation byte does not start one.
// Whitespace inside strings is not counted either, the lower (and so safer)
// reading of "non-whitespace characters".
std::size_t count_characters(std::string_view text, bool count_whitespace) {
  std::size_t count = 0;
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    if ((byte & 0xC0) == 0x80) continue;
    if (!count_whitespace && is_whitespace(byte)) continue;
    ++count;
  }
  return count;
}

class PolicyTooLarge final : public engine::Rule {
 public:
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM016",
      .name = "policy-too-large",
      .level = engine::Level::kWarning,
      .summary = "The policy is longer than the size quota of its policy type",
      .tags = kTags,
      .precision = engine::Precision::kHigh,
      .access_analyzer_codes = kCodes,
      .policy_kinds = kKinds,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_policy(const ast::Policy& policy, engine::RuleContext& ctx) const override {
    Quota quota = quota_for(policy.kind);
    std::string_view text = ctx.source_text().substr(policy.range.begin, policy.range.size());
    std::size_t length = count_characters(text, quota.counts_whitespace);
    if (length <= quota.limit) return;
    std::string_view counted =
        quota.counts_whitespace ? "characters" : "characters without whitespace";
    std::string_view fix = quota.counts_whitespace
                               ? "remove whitespace, merge statements or split the policy"
                               : "merge statements, use wildcards with care, or split it into "
                                 "several policies";
    ctx.report(document::opening_brace(ctx.json().node(policy.node)),
               "the policy has {} {}, more than the {} allowed for {}; {}", length, counted,
               quota.limit, quota.what, fix)
        .code(quota.code)
        .level(quota.level);
  }
};

IAMLINT_REGISTER_RULE(PolicyTooLarge);

}  // namespace
}  // namespace iamlint::rules
