// Lints one loaded file: read its policies (input/), then for each one lower it, walk it once
// calling every enabled rule's hooks, and place its findings in the file; then sort.
#pragma once

#include <optional>
#include <span>
#include <vector>

#include "ast/policy.h"
#include "engine/finding.h"
#include "engine/rule.h"
#include "engine/scp_set.h"
#include "engine/suppression.h"
#include "engine/suppression_comments.h"
#include "engine/trusted_parties.h"
#include "input/document_kind.h"
#include "input/policy_source.h"
#include "source/source_file.h"

namespace iamlint::engine {

// A rule whose findings get another level than the rule's own (a configuration's `rules:`).
struct LevelOverride {
  const RuleInfo* rule;
  Level level;
};

struct LintConfig {
  // --policy-type and --resource-type: for the policies whose container does not say what they
  // are (bare policy files); nullopt: infer it per policy.
  std::optional<ast::PolicyKind> policy_kind;
  std::optional<ast::AttachedResource> attached_to;
  ast::ScpSyntax scp_syntax = ast::ScpSyntax::k2025;  // --scp-syntax
  // --skip-non-policy: valid JSON whose top level is not an object with a "Statement" is left
  // alone, for hooks that see every *.json of a repository; so are invalid JSON that does not
  // mention "Statement" (tsconfig.json with comments) and a file over the size limit.
  bool skip_non_policy = false;
  const input::DocumentKind* input_format = nullptr;  // --input-format; nullptr: by content
  bool include_aws_managed = false;                   // --include-aws-managed
  // --trusted-accounts, --org-id (and the configuration's); null: none. Not owned.
  const TrustedParties* trusted = nullptr;
  std::span<const Rule* const> rules;  // enabled rules, sorted by id
  std::span<const LevelOverride> levels;
  std::span<const Suppression> suppressions;  // those whose paths match this file
  // Set when the file is linted as one of several SCPs (--policy-type scp).
  std::optional<ScpSetMember> scp_set;
};

// Limits that keep crafted input from costing unbounded memory. No AWS policy comes near them:
// the largest quota (a 20 KB resource policy) holds a few hundred statements.
inline constexpr std::size_t kMaxStatements = 10'000;
// Findings past this many in one file are counted, not kept (FileResult::omitted_findings).
inline constexpr std::size_t kMaxFindingsPerFile = 10'000;

// One policy found in a file.
struct PolicyResult {
  std::string location;   // its logical location (input::PolicySource); empty for a bare file
  std::string container;  // what holds it, e.g. "AWS::IAM::Role BuildRole"; empty for a bare file
  ast::PolicyKind kind = ast::PolicyKind::kIdentity;  // as linted (or as its container says)
  std::optional<ast::AttachedResource> attached_to;
  bool linted = true;  // false: kept for its principals only (input::PolicyOrigin::linted)
};

struct FileResult {
  source::SourceFile source;
  // The path relative to its repository's root, which fingerprints use; empty: source.path.
  std::string repository_path;
  std::string_view format;                        // the document kind that read it, e.g. "policy"
  std::optional<json::SyntaxError> syntax_error;  // set when the file could not be read
  std::vector<PolicyResult> policies;             // every policy found, in document order
  // The principals of an account export with their policies (indexes into `policies`).
  std::vector<input::Principal> principals;
  std::vector<Finding> findings;               // sorted by finding_order
  std::vector<Finding> suppressed;             // accepted ones, with their reasons, sorted
  std::vector<uint32_t> suppressions_matched;  // ids of the suppressions that matched (once)
  bool skipped = false;                        // left alone under skip_non_policy
  std::size_t omitted_findings = 0;            // reported past kMaxFindingsPerFile
  Level omitted_level = Level::kNote;          // the most severe of those
  std::size_t baselined = 0;                   // left out because --baseline knows them
  std::size_t fixed = 0;                       // findings fixed by --fix (or --diff)
  std::string diff;                            // with --diff: the fixes as a unified diff
  // Suppression comments of the file that are malformed or name a rule with nothing to suppress.
  std::vector<SuppressionNotice> suppression_notices;
};

[[nodiscard]] FileResult lint(source::SourceFile source, const LintConfig& config);

// Moves findings that rules (or checks) reported in ranges of a policy's own text to the file
// whose text is `file_text`: file offsets, the logical location of the value each one is at when
// the policy sits in a container, and `policy` (its index in FileResult::policies). Fixes are
// dropped where the policy's text is not the file's own (decoded from a string, read from YAML).
void place_findings(const input::PolicySource& source, std::string_view file_text, uint32_t policy,
                    std::span<Finding> findings);

// Why a file is not analysed although it may be valid JSON: over the size limit (`source` is
// too_large), or a Statement array (of the policy at the root of `doc`) longer than
// kMaxStatements. Nullopt when within the limits.
// A Statement array (of the policy at `root`) longer than any policy can hold is not analysed, as a
// file over the size limit is not: each statement costs far more memory as a typed statement than
// as JSON. Nullopt when within the limit.
[[nodiscard]] std::optional<json::SyntaxError> too_many_statements(const json::Document& doc,
                                                                   json::NodeId root);

[[nodiscard]] std::optional<json::SyntaxError> past_limits(const source::SourceFile& source,
                                                           const json::Document* doc);

}  // namespace iamlint::engine
