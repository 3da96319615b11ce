// Shared helpers of the rule tests: where fixtures live and how one file is linted with one rule.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ast/policy.h"
#include "engine/finding.h"
#include "engine/rule.h"
#include "engine/trusted_parties.h"

namespace iamlint::testing {

// testdata/rules, relative to the source root the tests run in.
inline const std::filesystem::path kRuleFixtures = "testdata/rules";

// IAMLINT_UPDATE_GOLDEN=1 rewrites golden files instead of comparing with them: all of them, or,
// with IAMLINT_GOLDEN_ONLY=IAM3 (an id prefix), only those of the matching rule folders.
[[nodiscard]] bool updating_goldens(std::string_view rule_id = "");

[[nodiscard]] std::string read_text(const std::filesystem::path& path);
void write_text(const std::filesystem::path& path, std::string_view text);

// The files of a directory with the given extension, sorted by name.
[[nodiscard]] std::vector<std::filesystem::path> files_in(const std::filesystem::path& dir,
                                                          std::string_view extension);

// How a fixture is linted: what --policy-type, --resource-type and --scp-syntax would say
// (nullopt: not given).
struct LintSetup {
  std::optional<ast::PolicyKind> kind;
  std::optional<ast::AttachedResource> attached_to;
  ast::ScpSyntax scp_syntax = ast::ScpSyntax::k2025;
  engine::TrustedParties trusted;  // --trusted-accounts
};

// A fixture named "bad_x.scp.json" is linted as an SCP, "bad_x.scp-legacy.json" as an SCP under
// --scp-syntax legacy, "bad_x.AWS-S3-Bucket.json" as a policy attached to an S3 bucket
// (--resource-type AWS::S3::Bucket, '::' written '-'), "bad_x.trusted-111122223333.json" with
// --trusted-accounts 111122223333; without such a middle extension the kind is inferred as for any
// bare file.
[[nodiscard]] LintSetup fixture_setup(const std::filesystem::path& fixture);

// The same from words such as "scp", "scp-legacy" or "AWS::S3::Bucket" (the info string of a
// ```json block in a rule's page: ```json AWS::S3::Bucket).
[[nodiscard]] LintSetup setup_from(std::string_view word);

// The text output of iamlint on one file, as the command line writes it with these rules
// (empty: every rule), settings and threads; checks that the run did not fail. `file` may be a
// directory.
[[nodiscard]] std::string text_output(const std::filesystem::path& file,
                                      std::vector<std::string> select, LintSetup setup = {},
                                      unsigned jobs = 1);

// The findings of `rule` alone on `text`.
[[nodiscard]] std::vector<engine::Finding> lint_with(const engine::Rule& rule, std::string text,
                                                     LintSetup setup = {});

}  // namespace iamlint::testing
