// IAM016: the policy is longer than its type's size quota. IAM counts
// characters without whitespace (6,144 for a managed policy, 2,048 for a role
// trust policy by default; both are warnings, as AWS managed policies may be
// larger and the trust quota can be raised); Organizations counts every
// character of an SCP or RCP, whitespace included (5,120; an error, as the
// policy is rejected). A resource policy's quota depends on the resource, so it
// is checked when --resource-type names one with a published quota: 20 KB for
// S3 bucket and access point policies and for DynamoDB (which counts
// whitespace).
#include <optional>

#include <fmt/format.h>

#include "engine/rule.h"
#include "grammar.h"

namespace iamlint::rules {
namespace {

using ast::PolicyKind;

constexpr std::string_view kTags[] = {"correctness"};
constexpr std::string_view kCodes[] = {
    "POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA", "POLICY_SIZE_EXCEEDS_ROLE_TRUST_POLICY_QUOTA",
    "POLICY_SIZE_EXCEEDS_SCP_QUOTA", "POLICY_SIZE_EXCEEDS_RCP_QUOTA",
    "POLICY_SIZE_EXCEEDS_RESOURCE_POLICY_QUOTA"};
// Trust first: the documentation example is linted as the first kind, and its
// quota is the smallest.
constexpr PolicyKind kKinds[] = {PolicyKind::kTrust, PolicyKind::kIdentity, PolicyKind::kScp,
                                 PolicyKind::kRcp, PolicyKind::kResource};

// "20 KB" read as 20 KiB, the larger reading, so that no policy is reported that may fit.
constexpr std::size_t kResourcePolicyLimit = 20 * 1024;

struct Quota {
  std::string_view code;
  std::string_view what;
  std::size_t limit;
  bool counts_whitespace;
  engine::Level level;
  std::string_view fix;
};

constexpr std::string_view kMerge = "merge statements or remove the ones not needed";

// Sources: IAM and AWS STS quotas (managed and trust policies), Organizations quotas (SCPs, RCPs),
// "Access points restrictions and limitations" and the S3 policy limits (20 KB), and DynamoDB's
// "Resource-based policy considerations" (20 KB, whitespace counted).
std::optional<Quota> quota_for(const ast::Policy& policy) {
  switch (policy.kind) {
    case PolicyKind::kTrust:
      return Quota{"POLICY_SIZE_EXCEEDS_ROLE_TRUST_POLICY_QUOTA",
                   "a role trust policy (unless the quota was raised)",
                   2048,
                   false,
                   engine::Level::kWarning,
                   "merge statements, or raise the quota (up to 4,096)"};
    case PolicyKind::kScp:
      return Quota{
          "POLICY_SIZE_EXCEEDS_SCP_QUOTA",       "an SCP", 5120, true, engine::Level::kError,
          "merge statements or split the policy"};
    case PolicyKind::kRcp:
      return Quota{
          "POLICY_SIZE_EXCEEDS_RCP_QUOTA",       "an RCP", 5120, true, engine::Level::kError,
          "merge statements or split the policy"};
    case PolicyKind::kIdentity:
    case PolicyKind::kBoundary:  // a permissions boundary is a managed policy
      return Quota{"POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA",
                   "a managed policy",
                   6144,
                   false,
                   engine::Level::kWarning,
                   "merge statements, use wildcards with care, or split it into several policies"};
    case PolicyKind::kResource:
      break;
  }
  if (!policy.attached_to) return std::nullopt;  // the quota depends on the resource
  constexpr std::string_view kCode = "POLICY_SIZE_EXCEEDS_RESOURCE_POLICY_QUOTA";
  switch (*policy.attached_to) {
    // S3 does not say whether it counts whitespace; not counting it reports less.
    case ast::AttachedResource::kS3Bucket:
      return Quota{kCode, "an S3 bucket policy",   kResourcePolicyLimit,
                   false, engine::Level::kWarning, kMerge};
    case ast::AttachedResource::kS3AccessPoint:
      return Quota{kCode, "an S3 access point policy", kResourcePolicyLimit,
                   false, engine::Level::kWarning,     kMerge};
    case ast::AttachedResource::kDynamoDbTable:
      return Quota{kCode, "a DynamoDB resource policy", kResourcePolicyLimit,
                   true,  engine::Level::kWarning,      kMerge};
    default:
      return std::nullopt;  // no published quota
  }
}

bool is_whitespace(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// A policy's length in characters, not bytes (a UTF-8 continuation byte does
// not start one), counted three ways.
struct Length {
  std::size_t all = 0;
  std::size_t compact = 0;        // without whitespace outside strings, as minified
  std::size_t no_whitespace = 0;  // without any whitespace: the lower (and so
                                  // safer) reading of IAM's "non-whitespace
                                  // characters"
};

// `text` is valid JSON (it was parsed), so a quote that no backslash escapes
// opens or closes a string.
Length measure(std::string_view text) {
  Length length;
  bool in_string = false;
  bool escaped = false;
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    if (in_string) {
      in_string = escaped || c != '"';
      escaped = !escaped && c == '\\';
    } else {
      in_string = c == '"';
    }
    if ((byte & 0xC0) == 0x80) continue;
    ++length.all;
    if (is_whitespace(byte)) {
      if (in_string) ++length.compact;
      continue;
    }
    ++length.compact;
    ++length.no_whitespace;
  }
  return length;
}

// The measured length, the length without insignificant whitespace, and what to do.
std::string describe(const Quota& quota, const Length& length) {
  if (!quota.counts_whitespace) {
    return fmt::format(
        "the policy has {} characters without whitespace ({} as written), more than the {} "
        "allowed for {}, which does not count whitespace; {}",
        length.no_whitespace, length.all, quota.limit, quota.what, quota.fix);
  }
  if (length.compact <= quota.limit) {
    return fmt::format(
        "the policy has {} characters, more than the {} allowed for {}, which counts whitespace; "
        "without the whitespace outside strings it has {}, so removing that whitespace is enough",
        length.all, quota.limit, quota.what, length.compact);
  }
  return fmt::format(
      "the policy has {} characters, more than the {} allowed for {}, and still {} without the "
      "whitespace outside strings; {}",
      length.all, quota.limit, quota.what, length.compact, quota.fix);
}

constexpr engine::LevelCase kOtherLevels[] = {
    {engine::Level::kError,
     "the policy is an SCP or RCP, which AWS Organizations rejects past its quota"}};

class PolicyTooLarge final : public engine::Rule {
 public:
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM016",
      .name = "policy-too-large",
      .level = engine::Level::kWarning,
      .other_levels = kOtherLevels,
      .summary = "The policy is longer than the size quota of its policy type",
      .tags = kTags,
      .precision = engine::Precision::kHigh,
      .access_analyzer_codes = kCodes,
      .policy_kinds = kKinds,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_policy(const ast::Policy& policy, engine::RuleContext& ctx) const override {
    std::optional<Quota> found = quota_for(policy);
    if (!found) return;
    const Quota& quota = *found;
    std::string_view text = ctx.source_text().substr(policy.range.begin, policy.range.size());
    // A character takes at least a byte: most policies need no count, however it is made.
    if (text.size() <= quota.limit) return;
    Length length = measure(text);
    std::size_t counted = quota.counts_whitespace ? length.all : length.no_whitespace;
    if (counted <= quota.limit) return;
    ctx.report(document::opening_brace(ctx.json().node(policy.node)), "{}", describe(quota, length))
        .code(quota.code)
        .level(quota.level);
  }
};

IAMLINT_REGISTER_RULE(PolicyTooLarge);

}  // namespace
}  // namespace iamlint::rules
