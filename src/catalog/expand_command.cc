#include "catalog/expand_command.h"

#include <fmt/format.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <algorithm>
#include <ostream>
#include <string_view>

#include "catalog/action_pattern.h"
#include "catalog/action_set.h"
#include "catalog/catalog.h"
#include "catalog/glob.h"
#include "catalog/suggest.h"

namespace iamlint::catalog {
namespace {

struct Expansion {
  std::string_view pattern;
  Result<std::span<const std::uint32_t>, PatternError> matches;
};

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

// Explains a pattern that is invalid or matches nothing; returns false in that case.
bool report_problem(const Expansion& e, std::ostream& err) {
  std::vector<std::string> hints;
  if (!e.matches) {
    if (e.matches.error() == PatternError::kUnknownService) {
      const std::string_view pattern = e.pattern;
      hints = has_wildcard(pattern) ? suggest_services(pattern.substr(0, pattern.find(':')))
                                    : suggest_actions(pattern);
    }
    err << fmt::format("iamlint: expand: '{}': {}", e.pattern, describe(e.matches.error()));
  } else if (e.matches->empty()) {
    if (!has_wildcard(e.pattern)) hints = suggest_actions(e.pattern);
    err << fmt::format("iamlint: expand: '{}' matches no action", e.pattern);
  } else {
    return true;
  }
  err << (hints.empty() ? "\n" : fmt::format("; did you mean {}?\n", join(hints)));
  return false;
}

void write_text(std::span<const ActionGroup> groups, std::ostream& out) {
  for (const ActionGroup& group : groups) {
    if (group.error || group.actions.empty()) continue;
    const ActionSet& set = group.actions;
    const auto levels = set.count_by_access_level();
    std::string summary;
    for (int i = 0; i < kAccessLevelCount; ++i) {
      if (levels[static_cast<size_t>(i)] == 0) continue;
      summary +=
          fmt::format("{}{} {}", summary.empty() ? "" : ", ",
                      to_string(static_cast<AccessLevel>(i)), levels[static_cast<size_t>(i)]);
    }
    out << fmt::format("{}: {} action{} ({})\n", group.label, set.count(),
                       set.count() == 1 ? "" : "s", summary);
    size_t width = 0;
    for (Action a : set) width = std::max(width, a.service().prefix().size() + 1 + a.name().size());
    for (Action a : set)
      out << fmt::format("  {:<{}}  {}\n", a.qualified_name(), width, to_string(a.access_level()));
  }
}

void write_json(std::span<const ActionGroup> groups, std::ostream& out) {
  rapidjson::StringBuffer buffer;
  rapidjson::PrettyWriter<rapidjson::StringBuffer> w(buffer);
  w.SetIndent(' ', 2);
  auto string = [&w](std::string_view s) {
    w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
  };
  w.StartObject();
  string("catalog");
  w.StartObject();
  string("version");
  string(snapshot_version());
  string("date");
  string(snapshot_date());
  w.EndObject();
  string("groups");
  w.StartArray();
  for (const ActionGroup& group : groups) {
    w.StartObject();
    string("label");
    string(group.label);
    if (group.error) {
      string("error");
      string(*group.error);
    }
    string("actions");
    w.StartArray();
    for (Action a : group.actions) {
      w.StartObject();
      string("action");
      string(a.qualified_name());
      string("access_level");
      string(to_string(a.access_level()));
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  out << buffer.GetString() << '\n';
}

}  // namespace

int run_expand(const ExpandOptions& options, std::ostream& out, std::ostream& err) {
  if (options.patterns.empty()) {
    err << "iamlint: expand: give at least one action pattern, e.g. iamlint expand 's3:Put*'\n";
    return 2;
  }
  std::vector<Expansion> expansions;
  for (const std::string& pattern : options.patterns)
    expansions.push_back({pattern, expand_action_pattern(pattern)});
  bool ok = true;
  std::vector<ActionGroup> groups;
  for (const Expansion& e : expansions) {
    ok = report_problem(e, err) && ok;
    ActionGroup group{.label = std::string(e.pattern)};
    if (e.matches) {
      group.actions = ActionSet::of(*e.matches);
    } else {
      group.error = std::string(describe(e.matches.error()));
    }
    groups.push_back(std::move(group));
  }
  write_action_groups(groups, options.format, out);
  return ok ? 0 : 1;
}

void write_action_groups(std::span<const ActionGroup> groups, ExpandFormat format,
                         std::ostream& out) {
  if (format == ExpandFormat::kJson) {
    write_json(groups, out);
  } else {
    write_text(groups, out);
  }
}

}  // namespace iamlint::catalog
