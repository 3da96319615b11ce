#include "app/settings.h"

#include <algorithm>
#include <span>
#include <system_error>

#include <fmt/core.h>

#include "engine/registry.h"
#include "support/path_glob.h"

namespace iamlint::app {
namespace fs = std::filesystem;

namespace {

std::string source_of(const config::Config& config, config::Origin origin) {
  return fmt::format("{}:{}:{}", config.file.generic_string(), origin.line, origin.column);
}

// Takes a configuration's setting when it is written.
template <class T, class U>
void take(Sourced<T>& into, const config::Config& config, const config::Setting<U>& setting) {
  if (setting.value) into = {T(*setting.value), source_of(config, setting.origin)};
}

bool matches_any(const std::vector<std::string>& globs, std::string_view path) {
  for (const std::string& glob : globs) {
    if (path_glob_match(glob, path)) return true;
  }
  return false;
}

}  // namespace

Result<const config::Config*> Settings::config_for(const fs::path& directory) {
  if (options_.no_config) return nullptr;
  std::optional<fs::path> file;
  if (options_.config_file) {
    file = absolute_normal(*options_.config_file);
  } else if (auto known = found_.find(directory); known != found_.end()) {
    file = known->second;  // the common case: a file beside one seen before
  } else {
    // The nearest configuration upward, not past the repository's root. Every directory passed
    // on the way has the same answer: a sibling directory then stops at their parent.
    const std::optional<fs::path>& root = repositories_.root_of(directory);
    std::vector<fs::path> passed;
    for (fs::path at = directory;; at = at.parent_path()) {
      if (auto known = found_.find(at); known != found_.end()) {
        file = known->second;
        break;
      }
      std::error_code ec;
      if (fs::is_regular_file(at / config::kFileName, ec)) {
        file = at / config::kFileName;
      }
      passed.push_back(at);
      if (file || (root && at == *root) || !at.has_relative_path()) break;
    }
    for (fs::path& at : passed) found_.emplace(std::move(at), file);
  }
  if (!file) return nullptr;
  auto loaded = loaded_.find(*file);
  if (loaded == loaded_.end()) {
    // Named relative to the current directory, as input paths are.
    auto config = config::load(shown_path(*file));
    if (!config) return Unexpected(config.error());
    config->directory = file->parent_path();
    loaded = loaded_.emplace(*file, std::make_unique<config::Config>(std::move(*config))).first;
    const config::Config& read = *loaded->second;
    if (read.suppressions.value) {
      for (const config::Suppression& suppression : *read.suppressions.value) {
        suppressions_.push_back(
            {&read, &suppression, suppression.expires && *suppression.expires <= today_});
      }
    }
  }
  return loaded->second.get();
}

// Rule selection in layers, as ruff does: the configuration's, then the command line's; a layer
// with `select` starts again from it, `ignore` removes from what the layers before left.
Result<const Settings::Profile*> Settings::profile_for(const config::Config* config) {
  std::unique_ptr<Profile>& profile = profiles_[config];
  if (profile) return profile.get();
  profile = std::make_unique<Profile>();
  if (config) {
    take(profile->select, *config, config->select);
    take(profile->ignore, *config, config->ignore);
  }
  if (!options_.select.empty()) {
    profile->select = {options_.select, "--select"};
    profile->ignore = {{}, "default"};
  }
  if (!options_.ignore.empty()) {
    profile->ignore.value.insert(profile->ignore.value.end(), options_.ignore.begin(),
                                 options_.ignore.end());
    profile->ignore.source =
        profile->ignore.source == "default" ? "--ignore" : profile->ignore.source + " and --ignore";
  }
  auto rules = engine::select_rules(profile->select.value, profile->ignore.value);
  if (!rules) return Unexpected(rules.error());
  if (rules->empty()) {
    return make_error(ErrorCode::kUsage,
                      fmt::format("no rule is enabled: ignore ({}) removes every rule select ({}) "
                                  "enables",
                                  profile->ignore.source, profile->select.source));
  }
  profile->rules = std::move(*rules);
  if (config && config->rules.value) {
    for (const config::RuleLevel& level : *config->rules.value)
      profile->levels.push_back({&engine::find_rule(level.rule)->info(), level.level});
  }
  return profile.get();
}

Result<FileSettings> Settings::for_file(const std::string& file) {
  // Files come sorted, so the files of a directory come together: they share the configuration
  // looked up for the first. Standard input's is the current directory's, as typed "".
  const std::string_view directory = file == "-" ? "" : typed_directory(file);
  if (!last_config_ || directory != last_config_->first) {
    auto config =
        config_for(file == "-" ? absolute_normal(".") : absolute_normal(file).parent_path());
    if (!config) return Unexpected(config.error());
    last_config_.emplace(directory, *config);
  }
  const config::Config* config = last_config_->second;
  auto profile = profile_for(config);
  if (!profile) return Unexpected(profile.error());

  FileSettings settings{
      .config = config, .select = (*profile)->select, .ignore = (*profile)->ignore};
  if (const config::Config* c = config) {
    const fs::path absolute = absolute_normal(file == "-" ? options_.stdin_filename : file);
    settings.path_in_config = absolute.lexically_relative(c->directory).generic_string();
    take(settings.policy_type, *c, c->policy_type);
    take(settings.resource_type, *c, c->resource_type);
    take(settings.scp_syntax, *c, c->scp_syntax);
    take(settings.fail_level, *c, c->fail_level);
    if (c->exclude.value && matches_any(*c->exclude.value, settings.path_in_config))
      settings.excluded = {true, source_of(*c, c->exclude.origin)};
    for (const config::Override& override :
         c->overrides.value.value_or(std::vector<config::Override>{})) {
      if (!matches_any(override.files, settings.path_in_config)) continue;
      take(settings.policy_type, *c, override.policy_type);
      take(settings.resource_type, *c, override.resource_type);
    }
  }
  if (options_.policy_kind) settings.policy_type = {options_.policy_kind, "--policy-type"};
  if (options_.attached_to) {
    settings.resource_type = {options_.attached_to, "--resource-type"};
  } else if (options_.policy_kind && settings.resource_type.value) {
    settings.resource_type = {std::nullopt, "--policy-type"};  // the type named goes first
  }
  if (options_.scp_syntax) settings.scp_syntax = {*options_.scp_syntax, "--scp-syntax"};
  if (options_.fail_level) settings.fail_level = {*options_.fail_level, "--fail-level"};

  // A resource type implies its policy type (as --resource-type does), and must agree with it.
  if (const auto& resource = settings.resource_type.value) {
    const ast::PolicyKind implied = *resource == ast::AttachedResource::kIamAssumeRolePolicyDocument
                                        ? ast::PolicyKind::kTrust
                                        : ast::PolicyKind::kResource;
    if (settings.policy_type.value && *settings.policy_type.value != implied) {
      return make_error(ErrorCode::kUsage,
                        fmt::format("resource-type {} ({}) goes with policy-type {}, not {} ({})",
                                    ast::attached_resource_name(*resource),
                                    settings.resource_type.source, ast::policy_kind_name(implied),
                                    ast::policy_kind_name(*settings.policy_type.value),
                                    settings.policy_type.source));
    }
    settings.policy_type.value = implied;
  }
  settings.rules = (*profile)->rules;
  settings.levels = (*profile)->levels;
  settings.skip_non_policy = options_.skip_non_policy;
  settings.input_format = options_.input_format;
  settings.include_aws_managed = options_.include_aws_managed;
  settings.trusted = &options_.trusted;
  for (std::size_t id = 0; id < suppressions_.size(); ++id) {
    const SuppressionEntry& entry = suppressions_[id];
    const config::Suppression& suppression = *entry.suppression;
    if (entry.config != settings.config ||
        (!suppression.paths.empty() && !matches_any(suppression.paths, settings.path_in_config))) {
      continue;
    }
    settings.suppressions.push_back({.rule = &engine::find_rule(suppression.rule)->info(),
                                     .sids = suppression.sids,
                                     .actions = suppression.actions,
                                     .resources = suppression.resources,
                                     .reason = suppression.reason,
                                     .id = static_cast<uint32_t>(id),
                                     .expired = entry.expired});
  }
  return settings;
}

engine::LintConfig FileSettings::lint_config() const {
  return {.policy_kind = policy_type.value,
          .attached_to = resource_type.value,
          .scp_syntax = scp_syntax.value,
          .skip_non_policy = skip_non_policy,
          .input_format = input_format,
          .include_aws_managed = include_aws_managed,
          .trusted = trusted,
          .rules = rules,
          .levels = levels,
          .suppressions = suppressions};
}

namespace {

template <class T>
bool same_span(std::span<const T> a, std::span<const T> b) {
  return a.data() == b.data() && a.size() == b.size();
}

}  // namespace

bool FileSettings::lints_like(const FileSettings& other) const {
  // Every member is named, so that one added later does not compile until it is compared here.
  const auto& [config_, path_in_config_, select_, ignore_, policy_type_, resource_type_,
               scp_syntax_, fail_level_, excluded_, rules_, levels_, suppressions_,
               skip_non_policy_, input_format_, include_aws_managed_, trusted_] = *this;
  // A suppression is the one of its id; rules and levels are a profile's, shared by its files.
  // The lambda names the member, not the binding: clang 14 (the sanitizer build) cannot capture
  // a structured binding.
  const auto same_suppressions = [&] {
    return std::equal(
        suppressions.begin(), suppressions.end(), other.suppressions.begin(),
        other.suppressions.end(),
        [](const engine::Suppression& a, const engine::Suppression& b) { return a.id == b.id; });
  };
  return config_ == other.config && select_ == other.select && ignore_ == other.ignore &&
         policy_type_ == other.policy_type && resource_type_ == other.resource_type &&
         scp_syntax_ == other.scp_syntax && fail_level_ == other.fail_level &&
         excluded_ == other.excluded && same_span(rules_, other.rules) &&
         same_span(levels_, other.levels) && same_suppressions() &&
         skip_non_policy_ == other.skip_non_policy && input_format_ == other.input_format &&
         include_aws_managed_ == other.include_aws_managed && trusted_ == other.trusted;
}

}  // namespace iamlint::app

namespace iamlint::app {
namespace {

std::string yaml_list(const std::vector<std::string>& items) {
  std::string out = "[";
  for (const std::string& item : items)
    out += fmt::format("{}\"{}\"", out.size() > 1 ? ", " : "", item);
  return out + "]";
}

void show_line(std::ostream& out, std::string_view key, std::string_view value,
               std::string_view source) {
  out << fmt::format("{:<40} # {}\n", fmt::format("{}: {}", key, value), source);
}

}  // namespace

int config_command(const Options& options, std::ostream& out, std::ostream& err) {
  if (options.config_schema) {
    config::write_schema(out);
    return kExitClean;
  }
  const std::string path = options.paths.empty() ? "." : options.paths[0];
  Settings settings(options);
  // For a directory, the settings of a file directly in it.
  std::error_code ec;
  const bool directory = std::filesystem::is_directory(path, ec);
  auto found = settings.for_file(directory ? (std::filesystem::path(path) / "*").string() : path);
  if (!found) {
    err << "iamlint: error: " << found.error().message << '\n';
    return kExitError;
  }
  const FileSettings& s = *found;
  out << fmt::format("# Settings for {}{}\n", path, directory ? " (a file in it)" : "");
  out << fmt::format("# Configuration: {}\n", s.config ? s.config->file.generic_string() : "none");
  show_line(out, "select", s.select.value.empty() ? "[ALL]" : yaml_list(s.select.value),
            s.select.source);
  show_line(out, "ignore", yaml_list(s.ignore.value), s.ignore.source);
  if (s.config && s.config->rules.value) {
    out << fmt::format("rules:\n");
    for (const config::RuleLevel& level : *s.config->rules.value) {
      show_line(out, fmt::format("  {}", level.rule), engine::level_name(level.level),
                source_of(*s.config, level.origin));
    }
  } else {
    show_line(out, "rules", "{}", "default");
  }
  show_line(out, "fail-level",
            s.fail_level.value ? engine::level_name(*s.fail_level.value) : "none",
            s.fail_level.source);
  show_line(out, "policy-type",
            s.policy_type.value ? ast::policy_kind_name(*s.policy_type.value) : "auto",
            s.policy_type.source);
  show_line(out, "resource-type",
            s.resource_type.value ? ast::attached_resource_name(*s.resource_type.value) : "none",
            s.resource_type.source);
  show_line(out, "scp-syntax", ast::scp_syntax_name(s.scp_syntax.value), s.scp_syntax.source);
  show_line(out, "excluded", s.excluded.value ? "true" : "false", s.excluded.source);
  return kExitClean;
}

}  // namespace iamlint::app
