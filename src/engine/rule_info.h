// A rule's metadata: the one source of truth behind SARIF rule descriptors, `iamlint rules`,
// `iamlint explain` and the generated rules/README.md.
#pragma once

#include <optional>
#include <span>
#include <string_view>

#include "ast/policy.h"

namespace iamlint::engine {

enum class Level : uint8_t { kError, kWarning, kNote };

// "error", "warning" or "note": SARIF's words, used in every output.
[[nodiscard]] std::string_view level_name(Level level);
// The level `name` names ("error", "warning" or "note"); nullopt if none.
[[nodiscard]] std::optional<Level> parse_level(std::string_view name);

// How sure a finding is (SARIF's `precision`): very-high means it is never a false positive.
enum class Precision : uint8_t { kVeryHigh, kHigh, kMedium, kLow };

[[nodiscard]] std::string_view precision_name(Precision precision);

// The same check in another tool, e.g. {"Parliament", "RESOURCE_STAR"}.
struct Equivalent {
  std::string_view tool;
  std::string_view id;
};

// A level that a rule reports in some cases instead of its default one, and when.
struct LevelCase {
  Level level;
  std::string_view when;  // completes "<level> when ...": "every action it grants only reads"
};

struct RuleInfo {
  std::string_view id;            // "IAM" + three digits, never reused
  std::string_view name;          // kebab-case, names the smell: "wildcard-service-action"
  Level level = Level::kWarning;  // the default level; SARIF's defaultConfiguration
  // The other levels the rule reports, each in the case it names; a finding can be raised or
  // lowered only to one of these (ReportBuilder::level checks it).
  std::span<const LevelCase> other_levels;
  std::string_view summary;  // one sentence, no final period
  std::span<const std::string_view> tags;
  Precision precision = Precision::kHigh;
  // A SARIF security-severity score such as "7.5" for security rules; empty otherwise.
  std::string_view security_severity;
  // Access Analyzer issue codes this rule reports (each finding names the one that applies).
  std::span<const std::string_view> access_analyzer_codes;
  std::span<const Equivalent> equivalents;  // in other tools
  // The policy kinds the rule applies to; empty means every kind. kIdentity covers permissions
  // boundaries too, which follow the identity grammar.
  std::span<const ast::PolicyKind> policy_kinds;
  // The rule judges what an Allow grants, so it does not apply to guardrails (SCPs, RCPs and
  // permissions boundaries) and VPC endpoint policies, whose Allow statements only cap what other
  // policies may grant (ast::limits_only), nor
  // to a statement IAM rejects for its shape (analysis::is_malformed), whose grant is moot.
  bool judges_grants = false;
  // Ids of rules whose findings say the same thing more narrowly: when this rule reports in a
  // statement, their findings in that statement are left out, so that `"Action": "*"` with
  // `"Resource": "*"` is one finding, not four. A rule absorbs only rules that do not absorb it.
  std::span<const std::string_view> absorbs;
  // Some findings carry a fix (engine::Fix): iamlint --fix, SARIF `fixes`. ReportBuilder::fix
  // accepts one only from a rule that says so.
  bool fixable = false;
  // A rule made from data rather than from a rules/ file (an `iamlint audit` control) carries
  // its full description and its Markdown page here; the compiled rules leave both empty, their
  // page being rules/<family>/<name>.md.
  std::string_view description;
  std::string_view page;

  // Whether the rule runs on a policy of this kind, attached to this resource (--resource-type).
  [[nodiscard]] bool applies_to(ast::PolicyKind kind,
                                std::optional<ast::AttachedResource> attached = {}) const;
  // The default level or one of other_levels.
  [[nodiscard]] bool reports_level(Level level) const;
};

// Every policy kind, in the order documentation lists them.
inline constexpr ast::PolicyKind kAllPolicyKinds[] = {
    ast::PolicyKind::kIdentity, ast::PolicyKind::kBoundary, ast::PolicyKind::kResource,
    ast::PolicyKind::kTrust,    ast::PolicyKind::kScp,      ast::PolicyKind::kRcp};

}  // namespace iamlint::engine
