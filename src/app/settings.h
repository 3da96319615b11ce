// The settings that apply to each linted file: the command line over the file's configuration
// (.iamlint.yaml, found from the file's directory upward to the repository root, or --config)
// over the defaults. Each value remembers where it came from, for `iamlint config --show`.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "app/options.h"
#include "app/repository.h"
#include "config/config.h"
#include "engine/linter.h"
#include "support/result.h"

namespace iamlint::app {

// A value and where it came from: "default", a flag such as "--fail-level", or
// "path/.iamlint.yaml:3:13".
template <class T>
struct Sourced {
  T value;
  std::string source = "default";

  bool operator==(const Sourced&) const = default;
};

struct FileSettings {
  const config::Config* config = nullptr;  // the configuration that applies; null: none
  std::string path_in_config;              // the file relative to the configuration's directory
  Sourced<std::vector<std::string>> select;
  Sourced<std::vector<std::string>> ignore;
  Sourced<std::optional<ast::PolicyKind>> policy_type;  // nullopt: inferred per file
  Sourced<std::optional<ast::AttachedResource>> resource_type;
  Sourced<ast::ScpSyntax> scp_syntax{ast::ScpSyntax::k2025};
  Sourced<std::optional<engine::Level>> fail_level{engine::Level::kWarning};  // nullopt: never
  Sourced<bool> excluded{false};
  std::span<const engine::Rule* const> rules;  // from select and ignore
  std::span<const engine::LevelOverride> levels;
  std::vector<engine::Suppression> suppressions;  // those whose paths match the file
  bool skip_non_policy = false;
  const input::DocumentKind* input_format = nullptr;  // nullptr: found by content
  bool include_aws_managed = false;
  const engine::TrustedParties* trusted = nullptr;  // --trusted-accounts, --org-id

  // What the engine needs, from the values above; it refers to them, so keep them alive.
  [[nodiscard]] engine::LintConfig lint_config() const;
  // Whether every value (and where it came from) is the same, path_in_config aside, which only
  // served to find them: files that lint alike can share one FileSettings.
  [[nodiscard]] bool lints_like(const FileSettings& other) const;
};

// A suppression of some configuration; its position in Settings::suppressions() is its id.
struct SuppressionEntry {
  const config::Config* config;
  const config::Suppression* suppression;
  bool expired;
};

class Settings {
 public:
  explicit Settings(const Options& options) : options_(options) {}

  // The settings of one input ("-" is standard input, found from the current directory). Each
  // configuration is read once; an invalid one is an error naming its file, line and column.
  [[nodiscard]] Result<FileSettings> for_file(const std::string& file);

  // Every suppression of every configuration read so far.
  [[nodiscard]] const std::vector<SuppressionEntry>& suppressions() const { return suppressions_; }

  // RepositoryPaths::of, from the repositories found while resolving settings.
  [[nodiscard]] std::string repository_path(const std::string& file) {
    return repositories_.of(file);
  }

 private:
  // What every file under one configuration shares; kept so that LintConfig's spans stay valid.
  struct Profile {
    std::vector<const engine::Rule*> rules;
    std::vector<engine::LevelOverride> levels;
    Sourced<std::vector<std::string>> select, ignore;
  };

  Result<const config::Config*> config_for(const std::filesystem::path& directory);
  Result<const Profile*> profile_for(const config::Config* config);

  const Options& options_;
  RepositoryPaths repositories_;
  std::map<std::filesystem::path, std::optional<std::filesystem::path>, PathTextLess>
      found_;  // by directory
  std::map<std::filesystem::path, std::unique_ptr<config::Config>, PathTextLess>
      loaded_;  // by file
  std::map<const config::Config*, std::unique_ptr<Profile>> profiles_;
  // The directory of the last file, as typed (see typed_directory), and its configuration.
  std::optional<std::pair<std::string, const config::Config*>> last_config_;
  std::vector<SuppressionEntry> suppressions_;
  config::Date today_ = config::today();
};

// `iamlint config --show [PATH]`: the settings for PATH as YAML, each with its source.
[[nodiscard]] int config_command(const Options& options, std::ostream& out, std::ostream& err);

}  // namespace iamlint::app
