// What the user asked for, independent of how it was spelled on the command line.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ast/policy.h"
#include "engine/rule_info.h"
#include "engine/trusted_parties.h"
#include "input/document_kind.h"

namespace iamlint::app {

enum class Command {
  kLint,
  kRules,
  kExplain,
  kExpand,
  kConfig,
  kGuardrails,
  kCheck,
  kDiff,
  kAudit
};

// `iamlint check NAME`: the offline counterparts of Access Analyzer's custom policy checks.
enum class Check { kNoNewAccess, kAccessNotGranted, kNoPublicAccess };

enum class OutputFormat { kText, kSarif, kJson, kGithub, kGitlab, kMarkdown };

struct Options {
  Command command = Command::kLint;
  std::vector<std::string> paths;  // files, directories, or "-" for standard input
  OutputFormat format = OutputFormat::kText;
  std::optional<std::string> output;           // --output FILE; standard output when unset
  std::optional<ast::PolicyKind> policy_kind;  // nullopt: infer per file
  std::optional<ast::AttachedResource>
      attached_to;  // --resource-type; implies a resource or trust policy
  // --scp-syntax; nullopt when not given: the configuration's, else 2025.
  std::optional<ast::ScpSyntax> scp_syntax;
  bool skip_non_policy = false;                       // --skip-non-policy
  const input::DocumentKind* input_format = nullptr;  // --input-format; nullptr: auto
  bool include_aws_managed = false;                   // --include-aws-managed
  engine::TrustedParties trusted;                     // --trusted-accounts, --org-id
  bool allow_empty = false;             // --allow-empty: a directory without inputs is no error
  std::optional<std::string> baseline;  // --baseline FILE: an earlier SARIF report
  // --fail-level; nullopt when not given (the configuration's, else warning). Inside, nullopt is
  // "none": never fail.
  std::optional<std::optional<engine::Level>> fail_level;
  std::optional<std::string> config_file;  // --config FILE: instead of finding .iamlint.yaml
  bool no_config = false;                  // --no-config
  bool show_config = false;                // config --show
  bool config_schema = false;              // config --schema
  std::vector<std::string> select;
  std::vector<std::string> ignore;
  bool fix = false;           // --fix: apply safe fixes in place
  bool diff = false;          // --diff: print them as a unified diff instead
  bool unsafe_fixes = false;  // --unsafe-fixes: also those that change what a policy means
  bool statistics = false;    // --statistics: a count per rule instead of the findings
  bool quiet = false;         // --quiet: findings only, no summary or notes on standard error
  bool color = false;         // already resolved against NO_COLOR and the terminal
  unsigned jobs = 0;          // 0: one per core
  std::string stdin_filename = "<stdin>";
  std::vector<std::string> explain_rules;    // for Command::kExplain
  std::vector<std::string> patterns;         // for Command::kExpand: action patterns
  std::optional<std::string> expand_policy;  // for Command::kExpand: --policy FILE
  std::vector<std::string> controls_files;   // for Command::kGuardrails: --controls FILE
  Check check = Check::kNoNewAccess;         // for Command::kCheck
  std::optional<std::string> base;           // check no-new-access --base OLD
  std::optional<std::string> base_ref;       // check no-new-access --base-ref REV
  std::vector<std::string> check_actions;    // check access-not-granted --action
  std::vector<std::string> check_resources;  // check access-not-granted --resource
  std::optional<std::string> now;            // for Command::kAudit: --now TIME, as given
  std::vector<std::string> thresholds;       // for Command::kAudit: --threshold NAME=VALUE
};

// Exit codes, as documented in README.md.
inline constexpr int kExitClean = 0;
inline constexpr int kExitFindings = 1;
inline constexpr int kExitError = 2;

}  // namespace iamlint::app
