// IAM016: the policy is longer than its type's size quota. IAM counts
// characters without whitespace (6,144 for a managed policy, 2,048 for a role
// trust policy by default; both are warnings, as AWS managed policies may be
// larger and the trust quota can be raised); Organizations counts every
// character of an SCP or RCP, whitespace included (5,120; an error, as the
// policy is rejected). A resource policy's quota depends on the resource, so it
// is checked when --resource-type names one with a published quota: 20 KB for
// S3 bucket and access point policies and for DynamoDB (which counts
// whitespace).
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <optional>

#include <fmt/format.h>

#include "engine/rule.h"
#include "grammar.h"

namespace iamlint::rules {
namespace {

using ast::PolicyKind;

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
    case ast::AttachedResource::kEc2VpcEndpoint:  // "20,480 characters, including white space"
      return Quota{kCode, "a VPC endpoint policy", kResourcePolicyLimit,
                   true,  engine::Level::kWarning, kMerge};
    default:
      return std::nullopt;  // no published quota
  }
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

// How many bytes of valid JSON start a character (are not UTF-8 continuation bytes), and how
// many are whitespace: in valid JSON those are exactly the bytes up to 0x20, as no other control
// character may appear raw. Counted sixteen bytes at a time, as this runs on every policy larger
// than its quota in bytes, which pretty-printed policies often are.
struct ByteCounts {
  std::size_t characters = 0;
  std::size_t whitespace = 0;
};

ByteCounts count_bytes(std::string_view text) {
  // GCC's and Clang's vector extensions (SSE2 on x86-64): a comparison sets a lane to all ones
  // where it holds, so subtracting it counts per lane, up to 255 before the lanes are added up.
  using Bytes = unsigned char __attribute__((vector_size(16)));
  constexpr std::size_t kMostPerLane = 255;
  std::size_t continuations = 0;
  ByteCounts counts;
  std::size_t i = 0;
  while (i + sizeof(Bytes) <= text.size()) {
    Bytes continuation = {};
    Bytes whitespace = {};
    for (std::size_t n = 0; n < kMostPerLane && i + sizeof(Bytes) <= text.size();
         ++n, i += sizeof(Bytes)) {
      Bytes bytes;
      std::memcpy(&bytes, text.data() + i, sizeof bytes);
      continuation -= reinterpret_cast<Bytes>((bytes & 0xC0) == 0x80);  // 10xxxxxx
      whitespace -= reinterpret_cast<Bytes>(bytes <= 0x20);
    }
    for (std::size_t lane = 0; lane < sizeof(Bytes); ++lane) {
      continuations += continuation[lane];
      counts.whitespace += whitespace[lane];
    }
  }
  for (; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    continuations += (byte & 0xC0) == 0x80;
    counts.whitespace += byte <= 0x20;
  }
  counts.characters = text.size() - continuations;
  return counts;
}

// The policy's spaces inside strings and keys. A JSON string holds no other raw whitespace (tabs
// and line breaks in one must be escaped), so this is all the whitespace minifying keeps.
std::size_t spaces_in_strings(const json::Document& doc, ByteRange policy, std::string_view text) {
  const auto spaces = [&](ByteRange range) {
    const std::string_view raw = text.substr(range.begin, range.size());
    return static_cast<std::size_t>(std::count(raw.begin(), raw.end(), ' '));
  };
  std::size_t count = 0;
  for (json::NodeId id = 0; id < doc.size(); ++id) {
    const json::Node& node = doc.node(id);
    if (node.range.begin < policy.begin || node.range.end > policy.end) continue;
    if (node.is_string()) count += spaces(node.range);
    if (node.parent != json::kNoNode && doc.node(node.parent).is_object())
      count += spaces(node.key_range);
  }
  return count;
}

// `counts` are the policy's. The compact length, a walk over the policy's nodes, is measured only
// for a quota that counts whitespace: the only one whose message gives it.
Length measure(const Quota& quota, const ByteCounts& counts, const json::Document& doc,
               ByteRange policy, std::string_view source) {
  Length length{.all = counts.characters, .no_whitespace = counts.characters - counts.whitespace};
  if (quota.counts_whitespace) {
    length.compact = length.no_whitespace + spaces_in_strings(doc, policy, source);
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

class PolicyTooLarge final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"correctness"};
  static constexpr std::string_view kCodes[] = {
      "POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA", "POLICY_SIZE_EXCEEDS_ROLE_TRUST_POLICY_QUOTA",
      "POLICY_SIZE_EXCEEDS_SCP_QUOTA", "POLICY_SIZE_EXCEEDS_RCP_QUOTA",
      "POLICY_SIZE_EXCEEDS_RESOURCE_POLICY_QUOTA"};
  // Trust first: the documentation example is linted as the first kind, and its
  // quota is the smallest.
  static constexpr PolicyKind kKinds[] = {PolicyKind::kTrust, PolicyKind::kIdentity,
                                          PolicyKind::kScp, PolicyKind::kRcp,
                                          PolicyKind::kResource};
  static constexpr engine::LevelCase kOtherLevels[] = {
      {engine::Level::kError,
       "the policy is an SCP or RCP, which AWS Organizations rejects past its quota"}};
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
    const ByteCounts counts = count_bytes(text);
    const std::size_t counted =
        quota.counts_whitespace ? counts.characters : counts.characters - counts.whitespace;
    if (counted <= quota.limit) return;
    const Length length = measure(quota, counts, ctx.json(), policy.range, ctx.source_text());
    ctx.report(document::opening_brace(ctx.json().node(policy.node)), "{}", describe(quota, length))
        .code(quota.code)
        .level(quota.level);
  }
};

IAMLINT_REGISTER_RULE(PolicyTooLarge);

}  // namespace
}  // namespace iamlint::rules
