#include "app/rules_command.h"

#include <algorithm>
#include <vector>

#include <fmt/core.h>

#include "audit/controls.h"
#include "engine/registry.h"
#include "engine/rule_docs.h"
#include "report/json_writer.h"

namespace iamlint::app {
namespace {

std::string join(std::span<const std::string_view> items, std::string_view separator) {
  std::string out;
  for (std::string_view item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

std::string equivalents_text(const engine::RuleInfo& info) {
  std::string out;
  for (const engine::Equivalent& equivalent : info.equivalents) {
    if (!out.empty()) out += ", ";
    out += fmt::format("{} {}", equivalent.tool, equivalent.id);
  }
  return out;
}

// "warning" or, for a rule that reports other levels too, "warning; note when every action of the
// service only reads (List or Read)".
std::string levels_text(const engine::RuleInfo& info) {
  std::string out(engine::level_name(info.level));
  for (const engine::LevelCase& other : info.other_levels)
    out += fmt::format("; {} when {}", engine::level_name(other.level), other.when);
  return out;
}

// "warning" or "warning/note": every level the rule can report, the default first.
std::string level_names(const engine::RuleInfo& info) {
  std::string out(engine::level_name(info.level));
  for (const engine::LevelCase& other : info.other_levels)
    out += fmt::format("/{}", engine::level_name(other.level));
  return out;
}

// The kinds a rule applies to, as the engine decides it (boundaries follow identity policies,
// grant-judging rules leave guardrails alone), in documentation order.
std::vector<std::string_view> kind_names(const engine::RuleInfo& info) {
  std::vector<std::string_view> names;
  for (ast::PolicyKind kind : engine::kAllPolicyKinds) {
    if (info.applies_to(kind)) names.push_back(ast::policy_kind_name(kind));
  }
  return names;
}

std::string kinds_text(const engine::RuleInfo& info) {
  std::vector<std::string_view> names = kind_names(info);
  return names.size() == std::size(engine::kAllPolicyKinds) ? "all" : join(names, ", ");
}

void write_rules_json(std::span<const engine::Rule* const> rules, std::ostream& out) {
  report::JsonWriter w(out);
  w.begin_array();
  for (const engine::Rule* rule : rules) {
    const engine::RuleInfo& info = rule->info();
    w.begin_object();
    w.field("id", info.id);
    w.field("name", info.name);
    w.field("level", engine::level_name(info.level));
    w.key("other_levels");
    w.begin_array();
    for (const engine::LevelCase& other : info.other_levels) {
      w.begin_object();
      w.field("level", engine::level_name(other.level));
      w.field("when", other.when);
      w.end_object();
    }
    w.end_array();
    w.field("summary", info.summary);
    w.field("precision", engine::precision_name(info.precision));
    w.key("security_severity");
    if (info.security_severity.empty()) {
      w.null();
    } else {
      w.string(info.security_severity);
    }
    w.key("tags");
    w.begin_array();
    for (std::string_view tag : info.tags) w.string(tag);
    w.end_array();
    w.key("access_analyzer_codes");
    w.begin_array();
    for (std::string_view code : info.access_analyzer_codes) w.string(code);
    w.end_array();
    w.key("equivalents");
    w.begin_array();
    for (const engine::Equivalent& equivalent : info.equivalents) {
      w.begin_object();
      w.field("tool", equivalent.tool);
      w.field("id", equivalent.id);
      w.end_object();
    }
    w.end_array();
    w.key("policy_types");
    w.begin_array();
    for (std::string_view name : kind_names(info)) w.string(name);
    w.end_array();
    w.key("fixable");
    w.boolean(info.fixable);
    w.end_object();
  }
  w.end_array();
  w.finish();
}

struct CodeRow {
  std::string_view code;
  std::string_view type;
  std::string_view reason;
};

std::vector<CodeRow> access_analyzer_codes() {
  std::vector<CodeRow> rows;
  std::string_view tsv = engine::access_analyzer_codes_tsv();
  while (!tsv.empty()) {
    std::string_view line = tsv.substr(0, tsv.find('\n'));
    tsv.remove_prefix(std::min(tsv.size(), line.size() + 1));
    if (line.empty() || line.starts_with('#')) continue;
    std::string_view fields[3];
    for (std::string_view& field : fields) {
      std::size_t tab = line.find('\t');
      field = line.substr(0, tab);
      line.remove_prefix(tab == std::string_view::npos ? line.size() : tab + 1);
    }
    rows.push_back({fields[0], fields[1], fields[2]});
  }
  return rows;
}

// Every Access Analyzer code, with the rules that report it or why none does.
void write_coverage_markdown(std::ostream& out) {
  std::vector<CodeRow> rows = access_analyzer_codes();
  std::vector<std::string> covering(rows.size());
  std::size_t covered = 0;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    for (const engine::Rule* rule : engine::all_rules()) {
      const auto& codes = rule->info().access_analyzer_codes;
      if (std::find(codes.begin(), codes.end(), rows[i].code) == codes.end()) continue;
      covering[i] += fmt::format("{}{} `{}`", covering[i].empty() ? "" : ", ", rule->info().id,
                                 rule->info().name);
    }
    if (!covering[i].empty()) ++covered;
  }
  out << fmt::format(
      "\n## Access Analyzer coverage\n\n"
      "{} of the {} IAM Access Analyzer policy-validation issue codes are reported offline. Each "
      "finding that matches one carries it (SARIF `properties.accessAnalyzerIssueCode`, JSON "
      "`access_analyzer_code`). The list and the reasons for gaps are kept in "
      "`rules/access_analyzer_codes.tsv`.\n\n"
      "| Issue code | Finding type | iamlint |\n|---|---|---|\n",
      covered, rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    std::string status = covering[i];
    if (status.empty()) {
      status = rows[i].reason.empty() ? "not covered yet"
                                      : fmt::format("not covered: {}", rows[i].reason);
    }
    out << fmt::format("| `{}` | {} | {} |\n", rows[i].code, rows[i].type, status);
  }
}

void write_rules_markdown(std::span<const engine::Rule* const> rules, std::ostream& out) {
  out << "# Rules\n\n"
         "Generated by `iamlint rules --format markdown`; do not edit. Each rule's page is beside "
         "its source, and `iamlint explain ID` prints it.\n\n"
         "| Id | Name | Level | Policy types | Summary | Access Analyzer | Other tools |\n"
         "|---|---|---|---|---|---|---|\n";
  for (const engine::Rule* rule : rules) {
    const engine::RuleInfo& info = rule->info();
    out << fmt::format("| {} | `{}` | {} | {} | {} | {} | {} |\n", info.id, info.name,
                       levels_text(info), kinds_text(info), info.summary,
                       join(info.access_analyzer_codes, ", "), equivalents_text(info));
  }
  write_coverage_markdown(out);
}

// Columns as wide as their longest entry, so that long rule names do not shift the rest.
void write_rules_text(std::span<const engine::Rule* const> rules, std::ostream& out) {
  std::size_t name_width = 0;
  std::size_t level_width = 0;
  for (const engine::Rule* rule : rules) {
    name_width = std::max(name_width, rule->info().name.size());
    level_width = std::max(level_width, level_names(rule->info()).size());
  }
  for (const engine::Rule* rule : rules) {
    const engine::RuleInfo& info = rule->info();
    out << fmt::format("{}  {:<{}}  {:<{}}  {}\n", info.id, info.name, name_width,
                       level_names(info), level_width, info.summary);
  }
}

}  // namespace

int rules_command(const Options& options, std::ostream& out, std::ostream& err) {
  auto rules = engine::select_rules(options.select, options.ignore);
  if (!rules) {
    err << "iamlint: error: " << rules.error().message << '\n';
    return kExitError;
  }
  switch (options.format) {
    case OutputFormat::kText:
      write_rules_text(*rules, out);
      return kExitClean;
    case OutputFormat::kJson:
      write_rules_json(*rules, out);
      return kExitClean;
    case OutputFormat::kMarkdown:
      write_rules_markdown(*rules, out);
      return kExitClean;
    case OutputFormat::kSarif:
    case OutputFormat::kGithub:
    case OutputFormat::kGitlab:
      break;
  }
  err << "iamlint: error: 'iamlint rules' prints text, json or markdown\n";
  return kExitError;
}

// Every rule asked for, each page after the last; an unknown one is an error before any output.
// The controls of `iamlint audit` (IAM6xx, made from data) are explained too.
int explain_command(const Options& options, std::ostream& out, std::ostream& err) {
  const std::vector<audit::Control> controls = audit::baseline_controls();
  const audit::ControlRules audit_rules = audit::control_rules(controls);
  std::vector<const engine::RuleInfo*> rules;
  for (const std::string& wanted : options.explain_rules) {
    if (const engine::Rule* rule = engine::find_rule(wanted); rule != nullptr) {
      rules.push_back(&rule->info());
      continue;
    }
    auto control = std::find_if(
        audit_rules.rules.begin(), audit_rules.rules.end(),
        [&](const engine::RuleInfo& info) { return info.id == wanted || info.name == wanted; });
    if (control == audit_rules.rules.end()) {
      err << fmt::format(
          "iamlint: error: unknown rule '{}' (see 'iamlint rules' for ids and names)\n", wanted);
      return kExitError;
    }
    rules.push_back(&*control);
  }
  for (std::size_t i = 0; i < rules.size(); ++i) {
    if (i > 0) out << '\n';
    const engine::RuleInfo& info = *rules[i];
    out << fmt::format("{} {} ({})\n\n", info.id, info.name, engine::level_name(info.level));
    out << fmt::format("Summary:         {}\n", info.summary);
    if (!info.other_levels.empty()) out << fmt::format("Levels:          {}\n", levels_text(info));
    out << fmt::format("{}\n",
                       info.page.empty()
                           ? fmt::format("Policy types:    {}", kinds_text(info))
                           : std::string("Checks:          account settings (iamlint audit)"));
    out << fmt::format("Precision:       {}\n", engine::precision_name(info.precision));
    if (info.fixable) out << "Fixes:           offered for some findings (iamlint --fix, --diff)\n";
    if (!info.security_severity.empty())
      out << fmt::format("Security score:  {}\n", info.security_severity);
    if (!info.access_analyzer_codes.empty()) {
      out << fmt::format("Access Analyzer: {}\n", join(info.access_analyzer_codes, ", "));
    }
    if (!info.equivalents.empty())
      out << fmt::format("Other tools:     {}\n", equivalents_text(info));
    out << '\n' << (info.page.empty() ? engine::rule_doc(info.name) : info.page);
  }
  return kExitClean;
}

}  // namespace iamlint::app
