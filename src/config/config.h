// The configuration file, .iamlint.yaml: what a team keeps in its repository instead of in every
// command line. Each key is one typed entry in config.cc's table, which also writes the JSON
// Schema (`iamlint config --schema`); app/settings.h merges it with the command line.
//
//   select: [ALL]                 # rules, as for --select
//   ignore: [IAM203]              # rules, as for --ignore
//   rules: {IAM152: error}        # per-rule level overrides
//   fail-level: warning
//   policy-type: identity         # for every file under this configuration
//   scp-syntax: 2025
//   exclude: ["vendor/**"]        # path globs, relative to the file's directory
//   overrides:                    # settings for the files that match
//     - files: ["scp/**"]
//       policy-type: scp
//   suppressions:                 # accepted findings, each with its reason
//     - rule: IAM203
//       paths: ["legacy/*.json"]
//       sids: [LegacyRead]
//       actions: ["logs:*"]
//       resources: ["arn:aws:logs:*"]
//       reason: CloudWatch Logs actions need "*" here (TICKET-12)
//       expires: 2027-06-30
//   audit-thresholds:             # `iamlint audit`, as --threshold
//     access-key-max-age-days: 60
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "ast/policy.h"
#include "engine/rule_info.h"
#include "support/result.h"

namespace iamlint::config {

inline constexpr std::string_view kFileName = ".iamlint.yaml";

// Where a setting's value was written: a line and column of the configuration file (1-based);
// line 0 for a value nobody wrote (the default).
struct Origin {
  uint32_t line = 0;
  uint32_t column = 0;
  [[nodiscard]] bool written() const { return line != 0; }
};

template <class T>
struct Setting {
  std::optional<T> value;  // nullopt: not set in this file
  Origin origin;
};

struct RuleLevel {
  std::string rule;  // as written: an id or a name
  engine::Level level;
  Origin origin;
};

struct Override {
  std::vector<std::string> files;  // path globs, relative to the configuration's directory
  Setting<ast::PolicyKind> policy_type;
  Setting<ast::AttachedResource> resource_type;
  Origin origin;
};

// A calendar date, compared as written (YYYY-MM-DD).
struct Date {
  int year = 0, month = 0, day = 0;
  auto operator<=>(const Date&) const = default;
};

// Today in UTC, which decides whether a suppression has expired.
[[nodiscard]] Date today();

struct Suppression {
  std::string rule;                    // an id or a name, as for --select
  std::vector<std::string> paths;      // path globs; empty: every file
  std::vector<std::string> sids;       // statement Sids (globs); empty: any statement
  std::vector<std::string> actions;    // action patterns (globs, case-insensitive)
  std::vector<std::string> resources;  // resource patterns (globs)
  std::string reason;                  // mandatory: shown to reviewers (SARIF justification)
  std::optional<Date> expires;         // from this day on, the suppression no longer applies
  Origin origin;                       // of the entry
};

// A threshold of an `iamlint audit` control, as --threshold NAME=VALUE sets it.
struct AuditThreshold {
  std::string name;  // "access-key-max-age-days"
  int64_t value = 0;
  Origin origin;
};

struct Config {
  std::filesystem::path file;  // the configuration file, as found
  std::string text;            // its bytes, for findings about its own entries
  Setting<std::vector<std::string>> select;
  Setting<std::vector<std::string>> ignore;
  Setting<std::vector<RuleLevel>> rules;
  Setting<std::optional<engine::Level>> fail_level;  // nullopt inside: "none"
  Setting<ast::PolicyKind> policy_type;
  Setting<ast::AttachedResource> resource_type;
  Setting<ast::ScpSyntax> scp_syntax;
  Setting<std::vector<std::string>> exclude;
  Setting<std::vector<Override>> overrides;
  Setting<std::vector<Suppression>> suppressions;
  Setting<std::vector<AuditThreshold>> audit_thresholds;  // for `iamlint audit`

  // The directory that path globs are relative to (absolute); set by whoever found the file.
  std::filesystem::path directory;
};

// Reads and checks a configuration file. Unknown keys, values of the wrong type or out of their
// choices, and suppressions without a reason are errors that name the file, line and column.
[[nodiscard]] Result<Config> load(const std::filesystem::path& file);
// The same from text already read; `file` names it in messages.
[[nodiscard]] Result<Config> parse(const std::filesystem::path& file, std::string text);

// The JSON Schema of the file, for editors (the repository ships it as
// src/config/iamlint-config.schema.json; a test keeps the two equal).
void write_schema(std::ostream& out);

}  // namespace iamlint::config
