#include "config/config.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <functional>
#include <initializer_list>
#include <set>

#include <fmt/core.h>
#include <yaml-cpp/yaml.h>

#include "audit/controls.h"
#include "catalog/suggest.h"
#include "engine/registry.h"
#include "report/json_writer.h"
#include "source/source_file.h"

namespace iamlint::config {
namespace {

// A configuration comes from the repository, that is from pull requests: bounded like any input.
constexpr std::size_t kMaxConfigBytes = 1u << 20;
// yaml-cpp shares aliased nodes; walking them again and again could take exponential time.
constexpr std::size_t kMaxNodesVisited = 100'000;

// Reads values off the YAML tree and turns each problem into an error that names its position.
class Reader {
 public:
  explicit Reader(const std::filesystem::path& file) : file_(file.generic_string()) {}

  static Origin origin(const YAML::Node& node) {
    const YAML::Mark mark = node.Mark();
    return {static_cast<uint32_t>(mark.line + 1), static_cast<uint32_t>(mark.column + 1)};
  }

  [[nodiscard]] Error error_at(const YAML::Node& node, std::string_view message) const {
    return error_at(origin(node), message);
  }
  [[nodiscard]] Error error_at(Origin at, std::string_view message) const {
    return {ErrorCode::kUsage, fmt::format("{}:{}:{}: {}", file_, at.line, at.column, message)};
  }

  [[nodiscard]] std::optional<Error> visit() {
    if (++visited_ > kMaxNodesVisited) {
      return Error{ErrorCode::kUsage,
                   fmt::format("{}: more than {} values (aliases included); not read", file_,
                               kMaxNodesVisited)};
    }
    return std::nullopt;
  }

  Result<std::string> scalar(const YAML::Node& node, std::string_view what) {
    if (auto limit = visit()) return Unexpected(*limit);
    if (!node.IsScalar())
      return Unexpected(error_at(node, fmt::format("{} must be a string", what)));
    return node.Scalar();
  }

  // A sequence of strings; a single string stands for a sequence of one.
  Result<std::vector<std::string>> strings(const YAML::Node& node, std::string_view what) {
    if (node.IsScalar()) {
      auto one = scalar(node, what);
      if (!one) return Unexpected(one.error());
      return std::vector<std::string>{*one};
    }
    if (!node.IsSequence()) {
      return Unexpected(error_at(node, fmt::format("{} must be a list of strings", what)));
    }
    std::vector<std::string> out;
    for (const YAML::Node& item : node) {
      auto text = scalar(item, fmt::format("each entry of {}", what));
      if (!text) return Unexpected(text.error());
      out.push_back(std::move(*text));
    }
    return out;
  }

  // One of fixed choices, through `parse`.
  template <class T>
  Result<T> choice(const YAML::Node& node, std::string_view what,
                   std::span<const std::string_view> names,
                   const std::function<std::optional<T>(std::string_view)>& parse) {
    auto text = scalar(node, what);
    if (!text) return Unexpected(text.error());
    if (std::optional<T> value = parse(*text)) return *value;
    std::string listed;
    for (std::string_view name : names)
      listed += fmt::format("{}{}", listed.empty() ? "" : ", ", name);
    return Unexpected(
        error_at(node, fmt::format("{} must be one of {}; got '{}'", what, listed, *text)));
  }

  // A mapping's members in order, with unknown and repeated keys as errors.
  Result<std::vector<std::pair<std::string, YAML::Node>>> members(
      const YAML::Node& node, std::string_view what, std::span<const std::string_view> known) {
    if (auto limit = visit()) return Unexpected(*limit);
    if (!node.IsMap()) return Unexpected(error_at(node, fmt::format("{} must be a mapping", what)));
    std::vector<std::pair<std::string, YAML::Node>> out;
    std::set<std::string> seen;
    for (auto it = node.begin(); it != node.end(); ++it) {
      auto key = scalar(it->first, "a key");
      if (!key) return Unexpected(key.error());
      if (std::find(known.begin(), known.end(), *key) == known.end()) {
        std::vector<std::string_view> candidates(known.begin(), known.end());
        std::vector<std::string> close = catalog::suggest_from(*key, candidates, 1);
        std::string hint = close.empty() ? "" : fmt::format("; did you mean '{}'?", close[0]);
        return Unexpected(
            error_at(it->first, fmt::format("unknown key '{}' in {}{}", *key, what, hint)));
      }
      if (!seen.insert(*key).second) {
        return Unexpected(
            error_at(it->first, fmt::format("'{}' is given twice in {}", *key, what)));
      }
      out.emplace_back(*key, it->second);
    }
    return out;
  }

 private:
  std::string file_;
  std::size_t visited_ = 0;
};

using report::JsonWriter;

// ---- Value types: how each is read, and its JSON Schema ---------------------------------------

constexpr std::string_view kLevelNames[] = {"error", "warning", "note"};
constexpr std::string_view kFailLevelNames[] = {"error", "warning", "note", "none"};
constexpr std::string_view kPolicyTypeNames[] = {"identity", "boundary", "resource",
                                                 "trust",    "scp",      "rcp"};
constexpr std::string_view kScpSyntaxNames[] = {"2025", "legacy"};

void enum_schema(JsonWriter& w, std::span<const std::string_view> names) {
  w.begin_object();
  w.key("enum");
  w.begin_array();
  for (std::string_view name : names) w.string(name);
  w.end_array();
  w.end_object();
}

void strings_schema(JsonWriter& w, std::string_view description) {
  w.begin_object();
  w.field("description", description);
  w.key("type");
  w.begin_array();
  w.string("array");
  w.string("string");
  w.end_array();
  w.key("items");
  w.begin_object();
  w.field("type", "string");
  w.end_object();
  w.end_object();
}

Result<std::vector<std::string>> read_rules(Reader& r, const YAML::Node& node,
                                            std::string_view what) {
  auto entries = r.strings(node, what);
  if (!entries) return entries;
  std::size_t i = 0;
  for (const std::string& entry : *entries) {
    if (auto named = engine::rules_named(entry); !named) {
      const YAML::Node& at = node.IsSequence() ? node[i] : node;
      return Unexpected(r.error_at(at, named.error().message));
    }
    ++i;
  }
  return entries;
}

Result<std::optional<engine::Level>> read_fail_level(Reader& r, const YAML::Node& node) {
  return r.choice<std::optional<engine::Level>>(
      node, "fail-level", kFailLevelNames,
      [](std::string_view name) -> std::optional<std::optional<engine::Level>> {
        if (name == "none") return std::optional<engine::Level>();
        if (auto level = engine::parse_level(name)) return level;
        return std::nullopt;
      });
}

Result<ast::PolicyKind> read_policy_type(Reader& r, const YAML::Node& node) {
  return r.choice<ast::PolicyKind>(node, "policy-type", kPolicyTypeNames, ast::parse_policy_kind);
}

Result<ast::AttachedResource> read_resource_type(Reader& r, const YAML::Node& node) {
  return r.choice<ast::AttachedResource>(node, "resource-type", ast::kAttachedResourceNames,
                                         ast::parse_attached_resource);
}

Result<std::vector<RuleLevel>> read_rule_levels(Reader& r, const YAML::Node& node) {
  if (!node.IsMap()) {
    return Unexpected(r.error_at(node, "rules must be a mapping of rule to level (IAM203: error)"));
  }
  std::vector<RuleLevel> out;
  for (auto it = node.begin(); it != node.end(); ++it) {
    auto rule = r.scalar(it->first, "a rule");
    if (!rule) return Unexpected(rule.error());
    if (engine::find_rule(*rule) == nullptr) {
      return Unexpected(r.error_at(
          it->first,
          fmt::format("unknown rule '{}' (see 'iamlint rules' for ids and names)", *rule)));
    }
    for (const RuleLevel& earlier : out) {
      if (engine::find_rule(earlier.rule) == engine::find_rule(*rule)) {
        return Unexpected(r.error_at(it->first, fmt::format("rule '{}' is given twice", *rule)));
      }
    }
    auto level = r.choice<engine::Level>(it->second, fmt::format("the level of {}", *rule),
                                         kLevelNames, engine::parse_level);
    if (!level) return Unexpected(level.error());
    out.push_back({*rule, *level, Reader::origin(it->first)});
  }
  return out;
}

Result<Date> read_date(Reader& r, const YAML::Node& node) {
  auto text = r.scalar(node, "expires");
  if (!text) return Unexpected(text.error());
  Date date;
  const char* end = text->data() + text->size();
  const bool shaped = text->size() == 10 && (*text)[4] == '-' && (*text)[7] == '-';
  if (shaped) {
    std::from_chars(text->data(), text->data() + 4, date.year);
    std::from_chars(text->data() + 5, text->data() + 7, date.month);
    std::from_chars(text->data() + 8, end, date.day);
  }
  if (!shaped || date.month < 1 || date.month > 12 || date.day < 1 || date.day > 31) {
    return Unexpected(
        r.error_at(node, fmt::format("expires must be a date as YYYY-MM-DD; got '{}'", *text)));
  }
  return date;
}

constexpr std::string_view kOverrideKeys[] = {"files", "policy-type", "resource-type"};

Result<std::vector<Override>> read_overrides(Reader& r, const YAML::Node& node) {
  if (!node.IsSequence()) return Unexpected(r.error_at(node, "overrides must be a list"));
  std::vector<Override> out;
  for (const YAML::Node& item : node) {
    auto members = r.members(item, "an override", kOverrideKeys);
    if (!members) return Unexpected(members.error());
    Override entry{.origin = Reader::origin(item)};
    for (const auto& [key, value] : *members) {
      if (key == "files") {
        auto files = r.strings(value, "files");
        if (!files) return Unexpected(files.error());
        entry.files = std::move(*files);
      } else if (key == "policy-type") {
        auto kind = read_policy_type(r, value);
        if (!kind) return Unexpected(kind.error());
        entry.policy_type = {*kind, Reader::origin(value)};
      } else {
        auto resource = read_resource_type(r, value);
        if (!resource) return Unexpected(resource.error());
        entry.resource_type = {*resource, Reader::origin(value)};
      }
    }
    if (entry.files.empty()) {
      return Unexpected(r.error_at(item, "an override needs 'files': the path globs it is for"));
    }
    out.push_back(std::move(entry));
  }
  return out;
}

constexpr std::string_view kSuppressionKeys[] = {"rule",      "paths",  "sids",   "actions",
                                                 "resources", "reason", "expires"};

Result<std::vector<Suppression>> read_suppressions(Reader& r, const YAML::Node& node) {
  if (!node.IsSequence()) return Unexpected(r.error_at(node, "suppressions must be a list"));
  std::vector<Suppression> out;
  for (const YAML::Node& item : node) {
    auto members = r.members(item, "a suppression", kSuppressionKeys);
    if (!members) return Unexpected(members.error());
    Suppression entry{.origin = Reader::origin(item)};
    bool has_rule = false;
    for (const auto& member : *members) {
      // Named copies: clang 14 (the sanitizer build) cannot capture structured bindings.
      const auto& key = member.first;
      const auto& value = member.second;
      std::optional<Error> failed;
      auto list = [&](std::vector<std::string>& into) {
        auto read = r.strings(value, key);
        if (read)
          into = std::move(*read);
        else
          failed = read.error();
      };
      if (key == "rule") {
        auto rule = r.scalar(value, "rule");
        if (!rule) return Unexpected(rule.error());
        if (engine::find_rule(*rule) == nullptr) {
          return Unexpected(r.error_at(
              value,
              fmt::format("unknown rule '{}' (see 'iamlint rules' for ids and names)", *rule)));
        }
        entry.rule = *rule;
        has_rule = true;
      } else if (key == "paths") {
        list(entry.paths);
      } else if (key == "sids") {
        list(entry.sids);
      } else if (key == "actions") {
        list(entry.actions);
      } else if (key == "resources") {
        list(entry.resources);
      } else if (key == "reason") {
        auto reason = r.scalar(value, "reason");
        if (!reason) return Unexpected(reason.error());
        entry.reason = *reason;
      } else {
        auto date = read_date(r, value);
        if (!date) return Unexpected(date.error());
        entry.expires = *date;
      }
      if (failed) return Unexpected(*failed);
    }
    if (!has_rule)
      return Unexpected(r.error_at(item, "a suppression needs 'rule': the rule it silences"));
    if (std::all_of(entry.reason.begin(), entry.reason.end(),
                    [](char c) { return c == ' ' || c == '\t'; })) {
      return Unexpected(r.error_at(
          item, "a suppression needs a 'reason' that reviewers can read (it is shown in SARIF)"));
    }
    out.push_back(std::move(entry));
  }
  return out;
}

// ---- The keys: one entry each ------------------------------------------------------------------

// The thresholds of `iamlint audit`'s controls: names it knows, whole numbers from 0.
Result<std::vector<AuditThreshold>> read_audit_thresholds(Reader& r, const YAML::Node& node) {
  if (!node.IsMap()) {
    return Unexpected(r.error_at(
        node,
        "audit-thresholds must be a mapping of name to number (access-key-max-age-days: 60)"));
  }
  std::vector<audit::Control> controls = audit::baseline_controls();
  std::vector<AuditThreshold> out;
  for (auto it = node.begin(); it != node.end(); ++it) {
    auto name = r.scalar(it->first, "a threshold");
    if (!name) return Unexpected(name.error());
    auto value = r.scalar(it->second, fmt::format("the value of {}", *name));
    if (!value) return Unexpected(value.error());
    // The same check as --threshold, with this file's position.
    if (auto set = audit::set_threshold(controls, fmt::format("{}={}", *name, *value)); !set)
      return Unexpected(r.error_at(it->first, set.error().message));
    int64_t parsed = 0;
    std::from_chars(value->data(), value->data() + value->size(), parsed);  // checked just above
    out.push_back({*name, parsed, Reader::origin(it->first)});
  }
  return out;
}

void audit_thresholds_schema(JsonWriter& w, std::string_view description) {
  w.begin_object();
  w.field("description", description);
  w.field("type", "object");
  w.key("additionalProperties");
  w.begin_object();
  w.field("type", "integer");
  w.field("minimum", 0);
  w.end_object();
  w.end_object();
}

struct Key {
  std::string_view name;
  std::string_view description;
  // Reads the value into the configuration.
  std::optional<Error> (*read)(Reader& r, const YAML::Node& node, Config& config);
  // Writes the value's JSON Schema.
  void (*schema)(JsonWriter& w, std::string_view description);
};

// Stores a value read by `read` into `member`, with its position.
template <auto Member, auto Read>
std::optional<Error> store(Reader& r, const YAML::Node& node, Config& config) {
  auto value = Read(r, node);
  if (!value) return value.error();
  (config.*Member) = {std::move(*value), Reader::origin(node)};
  return std::nullopt;
}

template <const auto& Names>
void enum_key_schema(JsonWriter& w, std::string_view description) {
  w.begin_object();
  w.field("description", description);
  w.key("enum");
  w.begin_array();
  for (std::string_view name : Names) w.string(name);
  w.end_array();
  w.end_object();
}

Result<std::vector<std::string>> read_select(Reader& r, const YAML::Node& node) {
  return read_rules(r, node, "select");
}
Result<std::vector<std::string>> read_ignore(Reader& r, const YAML::Node& node) {
  return read_rules(r, node, "ignore");
}
Result<std::vector<std::string>> read_exclude(Reader& r, const YAML::Node& node) {
  return r.strings(node, "exclude");
}
Result<ast::ScpSyntax> read_scp_syntax(Reader& r, const YAML::Node& node) {
  return r.choice<ast::ScpSyntax>(node, "scp-syntax", kScpSyntaxNames, ast::parse_scp_syntax);
}

void rule_levels_schema(JsonWriter& w, std::string_view description) {
  w.begin_object();
  w.field("description", description);
  w.field("type", "object");
  w.key("additionalProperties");
  enum_schema(w, kLevelNames);
  w.end_object();
}

void string_property(JsonWriter& w, std::string_view name, std::string_view description) {
  w.key(name);
  strings_schema(w, description);
}

// Opens the schema of a list of objects with the `required` keys and no others; the caller
// writes the properties and closes it with end_object_list_schema.
void begin_object_list_schema(JsonWriter& w, std::string_view description,
                              std::initializer_list<std::string_view> required) {
  w.begin_object();
  w.field("description", description);
  w.field("type", "array");
  w.key("items");
  w.begin_object();
  w.field("type", "object");
  w.key("additionalProperties");
  w.boolean(false);
  w.key("required");
  w.begin_array();
  for (std::string_view key : required) w.string(key);
  w.end_array();
  w.key("properties");
  w.begin_object();
}

void end_object_list_schema(JsonWriter& w) {
  w.end_object();
  w.end_object();
  w.end_object();
}

void overrides_schema(JsonWriter& w, std::string_view description) {
  begin_object_list_schema(w, description, {"files"});
  string_property(w, "files", "Path globs, relative to the configuration's directory.");
  w.key("policy-type");
  enum_key_schema<kPolicyTypeNames>(w, "The policy type of the matching files.");
  w.key("resource-type");
  enum_key_schema<ast::kAttachedResourceNames>(
      w, "The resource the matching policies are attached to.");
  end_object_list_schema(w);
}

void suppressions_schema(JsonWriter& w, std::string_view description) {
  begin_object_list_schema(w, description, {"rule", "reason"});
  w.key("rule");
  w.begin_object();
  w.field("description", "The rule to silence: an id (IAM203) or a name (wildcard-resource).");
  w.field("type", "string");
  w.end_object();
  string_property(w, "paths", "Path globs, relative to the configuration's directory.");
  string_property(w, "sids", "Statement Sids (globs).");
  string_property(w, "actions",
                  "Action patterns (globs, case-insensitive): the finding's action entry, or "
                  "every action of its statement, must match one.");
  string_property(w, "resources",
                  "Resource patterns (globs): the finding's resource entry, or every resource of "
                  "its statement, must match one.");
  w.key("reason");
  w.begin_object();
  w.field("description", "Why the finding is accepted; shown to reviewers (SARIF justification).");
  w.field("type", "string");
  w.field("minLength", 1);
  w.end_object();
  w.key("expires");
  w.begin_object();
  w.field("description", "From this day (YYYY-MM-DD) on, the suppression no longer applies.");
  w.field("type", "string");
  w.field("pattern", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
  w.end_object();
  end_object_list_schema(w);
}

constexpr Key kKeys[] = {
    {"select", "Enable only these rules: ids, names, id prefixes (IAM2) or ALL, as --select.",
     store<&Config::select, read_select>, strings_schema},
    {"ignore", "Disable these rules (same forms as select), as --ignore.",
     store<&Config::ignore, read_ignore>, strings_schema},
    {"rules", "Per-rule level overrides: IAM203: error.", store<&Config::rules, read_rule_levels>,
     rule_levels_schema},
    {"fail-level", "Exit 1 on findings at or above this level, as --fail-level.",
     store<&Config::fail_level, read_fail_level>, enum_key_schema<kFailLevelNames>},
    {"policy-type", "The policy type of every file under this configuration, as --policy-type.",
     store<&Config::policy_type, read_policy_type>, enum_key_schema<kPolicyTypeNames>},
    {"resource-type", "The resource the policies are attached to, as --resource-type.",
     store<&Config::resource_type, read_resource_type>,
     enum_key_schema<ast::kAttachedResourceNames>},
    {"scp-syntax", "The SCP language to check SCPs against, as --scp-syntax.",
     store<&Config::scp_syntax, read_scp_syntax>, enum_key_schema<kScpSyntaxNames>},
    {"exclude", "Path globs (relative to this file's directory) of files not to lint.",
     store<&Config::exclude, read_exclude>, strings_schema},
    {"overrides", "Settings for the files that match path globs; the last match wins.",
     store<&Config::overrides, read_overrides>, overrides_schema},
    {"suppressions", "Accepted findings, each with a mandatory reason.",
     store<&Config::suppressions, read_suppressions>, suppressions_schema},
    {"audit-thresholds",
     "Thresholds of the `iamlint audit` controls, as --threshold: access-key-max-age-days: 60.",
     store<&Config::audit_thresholds, read_audit_thresholds>, audit_thresholds_schema},
};

constexpr auto key_names() {
  std::array<std::string_view, std::size(kKeys)> names{};
  for (std::size_t i = 0; i < std::size(kKeys); ++i) names[i] = kKeys[i].name;
  return names;
}

constexpr auto kKeyNames = key_names();

}  // namespace

Date today() {
  const auto now = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  const std::chrono::year_month_day date(now);
  return {static_cast<int>(date.year()), static_cast<int>(static_cast<unsigned>(date.month())),
          static_cast<int>(static_cast<unsigned>(date.day()))};
}

Result<Config> parse(const std::filesystem::path& file, std::string text) {
  Config config{.file = file, .text = std::move(text)};
  Reader reader(file);
  YAML::Node root;
  // yaml-cpp reports syntax errors by throwing; they stop here, as values.
  try {
    root = YAML::Load(config.text);
  } catch (const YAML::Exception& error) {
    return Unexpected(reader.error_at(Origin{static_cast<uint32_t>(error.mark.line + 1),
                                             static_cast<uint32_t>(error.mark.column + 1)},
                                      fmt::format("invalid YAML: {}", error.msg)));
  }
  if (root.IsNull()) return config;  // an empty file configures nothing
  auto members = reader.members(root, "the configuration", kKeyNames);
  if (!members) return Unexpected(members.error());
  for (const auto& [name, value] : *members) {
    for (const Key& key : kKeys) {
      if (key.name != name) continue;
      if (auto failed = key.read(reader, value, config)) return Unexpected(*failed);
    }
  }
  return config;
}

Result<Config> load(const std::filesystem::path& file) {
  auto source = source::load_file(file.string(), {.max_bytes = kMaxConfigBytes});
  if (!source) return Unexpected(source.error());
  if (source->too_large) {
    return make_error(ErrorCode::kUsage, fmt::format("{}: larger than {} KiB; not read",
                                                     file.generic_string(), kMaxConfigBytes >> 10));
  }
  return parse(file, std::move(source->text));
}

void write_schema(std::ostream& out) {
  JsonWriter w(out);
  w.begin_object();
  w.field("$schema", "https://json-schema.org/draft/2020-12/schema");
  w.field("$id", "https://github.com/iamlint/iamlint/src/config/iamlint-config.schema.json");
  w.field("title", "iamlint configuration (.iamlint.yaml)");
  w.field("description",
          "Generated by 'iamlint config --schema'. Values given on the command line take "
          "precedence.");
  w.field("type", "object");
  w.key("additionalProperties");
  w.boolean(false);
  w.key("properties");
  w.begin_object();
  for (const Key& key : kKeys) {
    w.key(key.name);
    key.schema(w, key.description);
  }
  w.end_object();
  w.end_object();
  w.finish();
}

}  // namespace iamlint::config
