#include "app/diff_command.h"

#include <algorithm>
#include <tuple>

#include <fmt/core.h>

#include "analysis/access_comparison.h"
#include "analysis/condition_facts.h"
#include "app/check_findings.h"
#include "app/policy_pairs.h"
#include "app/report_output.h"
#include "catalog/action.h"
#include "catalog/service.h"
#include "report/json_writer.h"
#include "support/text.h"

namespace iamlint::app {
namespace {

using analysis::AccessChange;
using analysis::AccessDelta;

constexpr std::size_t kNamedPerLine = 8;

// One action of a delta: what the report lists.
struct Row {
  std::string service;  // prefix, or the pattern's text before ':' for unknown actions
  int level = catalog::kAccessLevelCount;  // the access level's position; past the end: unknown
  std::string action;
  const AccessDelta* delta = nullptr;
};

std::string level_name(int level) {
  return level < catalog::kAccessLevelCount
             ? std::string(catalog::to_string(static_cast<catalog::AccessLevel>(level)))
             : "not in the action catalogue";
}

std::vector<Row> rows_of(std::span<const AccessDelta> deltas) {
  std::vector<Row> rows;
  for (const AccessDelta& delta : deltas) {
    for (std::uint32_t index : delta.actions) {
      const catalog::Action action(index);
      rows.push_back({std::string(action.service().prefix()),
                      static_cast<int>(action.access_level()), action.qualified_name(), &delta});
    }
    for (std::string_view pattern : delta.unknown_actions) {
      rows.push_back({std::string(pattern.substr(0, pattern.find(':'))), catalog::kAccessLevelCount,
                      std::string(pattern), &delta});
    }
  }
  std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
    return std::tie(a.service, a.level) < std::tie(b.service, b.level);
  });
  return rows;
}

std::string conditions_of(const AccessDelta& delta) {
  std::string out;
  for (const ast::Condition& condition : delta.grant->statement->conditions)
    out += fmt::format("{}{}", out.empty() ? "" : " and ", analysis::describe(condition));
  return out;
}

// Why the access is a change, from the side it is on.
std::string why(const AccessDelta& delta, bool added) {
  const bool undecided = delta.certainty == analysis::Implication::kUndecided;
  switch (delta.change) {
    case AccessChange::kAction:
      return added ? "an action not allowed before" : "an action no longer allowed";
    case AccessChange::kResource:
      return added ? "a resource not allowed before" : "a resource no longer allowed";
    case AccessChange::kPrincipal:
      return added ? "a principal not allowed before" : "a principal no longer allowed";
    case AccessChange::kCondition: {
      std::string reasons;
      for (const analysis::ConditionGap& gap : delta.condition_gaps)
        reasons += fmt::format("{}{}", reasons.empty() ? "" : "; ", analysis::describe_gap(gap));
      return fmt::format("{}{}", undecided ? "conditions that cannot be compared: " : "", reasons);
    }
    case AccessChange::kDenial:
      return fmt::format("{} the Deny of {}", added ? "no longer removed by" : "now removed by",
                         statement_label(*delta.lost_denial->statement));
  }
  return "";
}

// Where and how: " on R to P when C (statement N: why)".
std::string line_tail(const AccessDelta& delta, bool added) {
  std::string out = fmt::format(" on {}", delta.resource_text);
  if (delta.principal != nullptr)
    out += fmt::format(" to {{\"{}\": \"{}\"}}", delta.principal->type_key,
                       delta.principal->text.value);
  if (std::string conditions = conditions_of(delta); !conditions.empty())
    out += fmt::format(" when {}", conditions);
  out += fmt::format(" ({}{}: {})", added ? "" : "base version's ",
                     statement_label(*delta.grant->statement), why(delta, added));
  return out;
}

void write_side(std::string_view title, std::span<const AccessDelta> deltas, bool added,
                std::ostream& out) {
  const std::vector<Row> rows = rows_of(deltas);
  if (rows.empty()) {
    out << fmt::format("  {}: none\n", title);
    return;
  }
  out << fmt::format("  {}:\n", title);
  for (std::size_t group = 0; group < rows.size();) {
    std::size_t end = group;
    while (end < rows.size() && rows[end].service == rows[group].service &&
           rows[end].level == rows[group].level) {
      ++end;
    }
    out << fmt::format("    {} — {}\n", rows[group].service, level_name(rows[group].level));
    // One line per delta in the group, naming its actions.
    std::vector<const AccessDelta*> order;
    for (std::size_t i = group; i < end; ++i) {
      if (std::find(order.begin(), order.end(), rows[i].delta) == order.end())
        order.push_back(rows[i].delta);
    }
    for (const AccessDelta* delta : order) {
      std::vector<std::string_view> names;
      for (std::size_t i = group; i < end; ++i) {
        if (rows[i].delta == delta) names.push_back(rows[i].action);
      }
      std::string listed;
      for (std::size_t i = 0; i < names.size() && i < kNamedPerLine; ++i)
        listed += fmt::format("{}{}", i == 0 ? "" : ", ", names[i]);
      if (names.size() > kNamedPerLine)
        listed += fmt::format(" and {} more", names.size() - kNamedPerLine);
      out << fmt::format("      {}{}\n", to_terminal_text(listed),
                         to_terminal_text(line_tail(*delta, added)));
    }
    group = end;
  }
}

void write_json_side(report::JsonWriter& w, std::string_view key,
                     std::span<const AccessDelta> deltas, bool added) {
  w.key(key);
  w.begin_array();
  for (const Row& row : rows_of(deltas)) {
    const AccessDelta& delta = *row.delta;
    w.begin_object();
    w.field("action", row.action);
    w.field("service", row.service);
    w.field("accessLevel", level_name(row.level));
    w.field("resource", delta.resource_text);
    if (delta.principal != nullptr) {
      w.key("principal");
      w.begin_object();
      w.field(delta.principal->type_key, delta.principal->text.value);
      w.end_object();
    }
    w.key("conditions");
    w.begin_array();
    for (const ast::Condition& condition : delta.grant->statement->conditions)
      w.string(analysis::describe(condition));
    w.end_array();
    w.field("statement", delta.grant->statement->index + 1);
    if (delta.grant->statement->sid) w.field("sid", delta.grant->statement->sid->value);
    w.field("change", analysis::access_change_name(delta.change));
    w.field("reason", why(delta, added));
    w.key("certain");
    w.boolean(delta.certainty != analysis::Implication::kUndecided);
    w.end_object();
  }
  w.end_array();
}

// One policy of a pair of files: in both versions, only in the newer one (the older side is then
// a policy without statements), or only in the older one (then the newer side is).
struct Change {
  enum class Presence : uint8_t { kBoth, kAdded, kRemoved };
  const LoadedPolicy& older;
  const LoadedPolicy& newer;
  Presence presence = Presence::kBoth;
  // The side that names the policy: the newer one unless it is gone.
  [[nodiscard]] const LoadedPolicy& named() const {
    return presence == Presence::kRemoved ? older : newer;
  }
};

// "OLD -> NEW" for a bare policy file; for a policy in a container, its logical location after
// it.
std::string heading(const PairedFile& file, const Change& change) {
  const bool new_file = file.older_path.empty();
  const std::string_view older = new_file ? "(new file)"
                                 : change.presence == Change::Presence::kAdded
                                     ? "(new policy)"
                                     : std::string_view(file.older_path);
  const std::string_view newer = change.presence == Change::Presence::kRemoved
                                     ? "(removed)"
                                     : std::string_view(file.newer.source->path);
  std::string out = fmt::format("{} -> {}", to_terminal_text(older), to_terminal_text(newer));
  if (!change.named().location().empty())
    out += fmt::format(": {}", to_terminal_text(change.named().name_in_file()));
  return out + '\n';
}

void write_change(const PairedFile& file, const Change& change, report::JsonWriter* w,
                  std::ostream& out) {
  const auto added = analysis::compare_access(change.older.model(), change.newer.model());
  const auto removed = analysis::compare_access(change.newer.model(), change.older.model());
  if (w == nullptr) {
    // A template or plan holds many policies that a change leaves alone: only the changed ones
    // are shown. A bare policy file always is, so that the report says it changed nothing.
    if (added.empty() && removed.empty() && !change.named().location().empty()) return;
    out << heading(file, change);
    write_side("access added", added, true, out);
    write_side("access removed", removed, false, out);
    return;
  }
  w->begin_object();
  w->field("old", file.older_path);
  w->field("new", file.newer.source->path);
  w->field("location", change.named().location());
  if (!change.named().container().empty()) w->field("container", change.named().container());
  w->field("policy", change.presence == Change::Presence::kAdded     ? "added"
                     : change.presence == Change::Presence::kRemoved ? "removed"
                                                                     : "changed");
  write_json_side(*w, "added", added, true);
  write_json_side(*w, "removed", removed, false);
  w->end_object();
}

// The changes of every pair, then the base files that have no newer version.
void write_changes(const PairedPolicies& paired, bool json, std::ostream& out) {
  report::JsonWriter w(out);
  if (json) {
    w.begin_object();
    w.key("policies");
    w.begin_array();
  }
  for (const PairedFile& file : paired.files) {
    for (const PolicyPair& pair : file.pairs) {
      write_change(file,
                   {.older = *pair.older,
                    .newer = *pair.newer,
                    .presence = pair.added ? Change::Presence::kAdded : Change::Presence::kBoth},
                   json ? &w : nullptr, out);
    }
    for (const std::unique_ptr<LoadedPolicy>& gone : file.removed) {
      const auto none = LoadedPolicy::empty("(none)", gone->policy().kind);
      write_change(file, {.older = *gone, .newer = *none, .presence = Change::Presence::kRemoved},
                   json ? &w : nullptr, out);
    }
  }
  if (json) {
    w.end_array();
    w.key("removedFiles");
    w.begin_array();
    for (const std::string& file : paired.removed) w.string(file);
    w.end_array();
    w.end_object();
    w.finish();
  } else {
    for (const std::string& file : paired.removed)
      out << fmt::format("{} -> (removed): grants nothing now\n", to_terminal_text(file));
  }
}

}  // namespace

int diff_command(const Options& options, std::ostream& out, std::ostream& err) {
  if (options.format != OutputFormat::kText && options.format != OutputFormat::kJson) {
    err << "iamlint: error: 'iamlint diff' prints text or json\n";
    return kExitError;
  }
  if (options.paths.size() != 2) {
    err << "iamlint: error: usage: iamlint diff OLD NEW (two files or two directories)\n";
    return kExitError;
  }
  // Opened before the work, so that a wrong path fails at once.
  auto output = ReportOutput::open(options, out);
  if (!output) {
    err << "iamlint: error: " << output.error().message << '\n';
    return kExitError;
  }
  PairedPolicies paired = pair_with_base(options.paths[0], {options.paths[1]}, options);
  for (const Error& error : paired.errors) err << "iamlint: error: " << error.message << '\n';
  if (!paired.errors.empty()) return kExitError;
  write_changes(paired, options.format == OutputFormat::kJson, output->stream());
  if (auto written = output->finish(); !written) {
    err << "iamlint: error: " << written.error().message << '\n';
    return kExitError;
  }
  return kExitClean;
}

}  // namespace iamlint::app
