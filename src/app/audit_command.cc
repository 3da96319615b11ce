#include "app/audit_command.h"

#include <algorithm>
#include <map>

#include <fmt/core.h>

#include "app/inputs.h"
#include "app/report_output.h"
#include "app/reporter_factory.h"
#include "app/settings.h"
#include "audit/account.h"
#include "audit/checks.h"
#include "audit/controls.h"
#include "report/text_reporter.h"
#include "report/totals.h"
#include "support/assert.h"

namespace iamlint::app {
namespace {

// The credential report's CSV and the CLI's error messages, besides JSON.
constexpr std::string_view kTextExports[] = {".csv", ".txt"};

std::string_view usage() {
  return "usage: iamlint audit [--format F] [--now TIME] [--threshold NAME=VALUE] PATH... (the "
         "files of an account's exported settings, or their directory)";
}

// The controls with the thresholds of the configuration (audit-thresholds), then of the command
// line.
Result<std::vector<audit::Control>> load_controls(const Options& options,
                                                  const config::Config* config) {
  std::vector<audit::Control> controls = audit::baseline_controls();
  if (config != nullptr && config->audit_thresholds.value) {
    for (const config::AuditThreshold& threshold : *config->audit_thresholds.value) {
      auto set =
          audit::set_threshold(controls, fmt::format("{}={}", threshold.name, threshold.value));
      IAMLINT_ASSERT(set.has_value());  // the configuration checked it when it was read
    }
  }
  for (const std::string& setting : options.thresholds) {
    if (auto set = audit::set_threshold(controls, setting); !set)
      return make_error(ErrorCode::kUsage, "--threshold: " + set.error().message);
  }
  return controls;
}

// Whether a --select or --ignore entry names the control: its id, its name, an id prefix
// ("IAM61") or ALL.
bool names_control(std::string_view entry, const audit::Control& control) {
  return entry == "ALL" || entry == control.name || control.id.starts_with(entry);
}

// The controls --select and --ignore leave; an entry that names none is a usage error.
Result<std::vector<audit::Control>> select_controls(std::vector<audit::Control> controls,
                                                    const Options& options) {
  for (const std::vector<std::string>* list : {&options.select, &options.ignore}) {
    for (const std::string& entry : *list) {
      if (std::none_of(controls.begin(), controls.end(), [&](const audit::Control& control) {
            return names_control(entry, control);
          })) {
        return make_error(ErrorCode::kUsage,
                          fmt::format("'{}' names no audit control (ids IAM601 to IAM6xx, names, "
                                      "id prefixes or ALL; 'iamlint explain IAM601')",
                                      entry));
      }
    }
  }
  std::erase_if(controls, [&](const audit::Control& control) {
    const auto named = [&](const std::string& entry) { return names_control(entry, control); };
    return (!options.select.empty() &&
            std::none_of(options.select.begin(), options.select.end(), named)) ||
           std::any_of(options.ignore.begin(), options.ignore.end(), named);
  });
  return controls;
}

Result<std::optional<audit::Timestamp>> parse_now(const Options& options) {
  if (!options.now) return std::optional<audit::Timestamp>();
  auto now = audit::parse_timestamp(*options.now);
  if (!now) {
    return make_error(ErrorCode::kUsage,
                      fmt::format("--now takes a date or time such as 2026-12-04 or "
                                  "2026-12-04T09:30:00Z; got '{}'",
                                  *options.now));
  }
  return std::optional<audit::Timestamp>(*now);
}

// Reads the exports among the inputs; files that are no export are left out and counted.
struct Loaded {
  audit::Account account;
  std::vector<Error> errors;
  std::size_t skipped = 0;
};

Loaded load_account(const Options& options) {
  Loaded loaded;
  Inputs inputs = collect_inputs(options.paths, kTextExports);
  loaded.errors = std::move(inputs.errors);
  for (const std::string& file : inputs.files) {
    if (file == "-") {
      loaded.errors.push_back({ErrorCode::kUsage, "'iamlint audit' reads files, not '-'"});
      continue;
    }
    auto read = audit::load_export(file);
    if (!read) {
      loaded.errors.push_back(read.error());
    } else if (!*read) {
      ++loaded.skipped;
    } else {
      loaded.account.files.push_back(std::move(**read));
    }
  }
  audit::Account& account = loaded.account;
  for (std::size_t file : account.files_of(input::AccountExport::kCredentialReport)) {
    auto report = audit::read_credential_report(account.files[file], file);
    if (!report) {
      loaded.errors.push_back(report.error());
    } else {
      account.credential_reports.push_back(std::move(*report));
    }
  }
  if (account.files.empty() && loaded.errors.empty()) {
    loaded.errors.push_back({ErrorCode::kUsage,
                             "no account export among the PATHs (README.md, \"Account audit\", "
                             "lists the AWS CLI commands that write them)"});
  }
  return loaded;
}

// "Not checked" once per reason, with the controls it leaves unchecked; then the notes on what a
// pass rests on.
std::vector<std::string> summary_notes(const audit::AuditResult& result) {
  std::vector<std::pair<std::string, std::string>> by_reason;  // in order of first appearance
  for (const audit::NotChecked& skipped : result.not_checked) {
    const std::string control = fmt::format("{} {}", skipped.control->id, skipped.control->name);
    auto known = std::find_if(by_reason.begin(), by_reason.end(),
                              [&](const auto& entry) { return entry.first == skipped.reason; });
    if (known == by_reason.end()) {
      by_reason.emplace_back(skipped.reason, control);
    } else if (known->second.find(control) == std::string::npos) {
      known->second += ", " + control;
    }
  }
  std::vector<std::string> lines;
  for (const auto& [reason, controls] : by_reason)
    lines.push_back(fmt::format("not checked ({}): {}", reason, controls));
  for (const std::string& note : result.notes) lines.push_back(fmt::format("note: {}", note));
  return lines;
}

}  // namespace

int audit_command(const Options& options, std::ostream& out, std::ostream& err) {
  if (options.format == OutputFormat::kMarkdown || options.fix || options.diff ||
      options.statistics) {
    err << "iamlint: error: 'iamlint audit' prints text, sarif, json, github or gitlab (no "
           "--fix, --diff or --statistics)\n";
    return kExitError;
  }
  if (options.paths.empty()) {
    err << "iamlint: error: " << usage() << '\n';
    return kExitError;
  }
  // The configuration that applies to the first PATH (.iamlint.yaml upward from it, or --config).
  // --select and --ignore name controls here, not the linter's rules.
  Options for_settings = options;
  for_settings.select.clear();
  for_settings.ignore.clear();
  Settings resolver(for_settings);
  auto settings = resolver.for_file(options.paths.front());
  if (!settings) {
    err << "iamlint: error: " << settings.error().message << '\n';
    return kExitError;
  }
  auto loaded_controls = load_controls(options, settings->config);
  auto controls = loaded_controls
                      ? select_controls(std::move(*loaded_controls), options)
                      : Result<std::vector<audit::Control>>(Unexpected(loaded_controls.error()));
  auto now = parse_now(options);
  for (const Error* error :
       {controls ? nullptr : &controls.error(), now ? nullptr : &now.error()}) {
    if (error == nullptr) continue;
    err << "iamlint: error: " << error->message << '\n';
    return kExitError;
  }
  // Opened before the work, so that a wrong path fails at once.
  auto output = ReportOutput::open(options, out, kTextExports);
  if (!output) {
    err << "iamlint: error: " << output.error().message << '\n';
    return kExitError;
  }
  Loaded loaded = load_account(options);
  if (!loaded.errors.empty()) {
    for (const Error& error : loaded.errors) err << "iamlint: error: " << error.message << '\n';
    return kExitError;
  }
  audit::Account& account = loaded.account;
  // The report's own time, so that results do not change with the day the audit runs.
  std::optional<audit::Timestamp> at = *now;
  for (const audit::CredentialReport& report : account.credential_reports) {
    if (!at) at = report.generated;
  }
  const audit::ControlRules rules = audit::control_rules(*controls);
  audit::AuditResult result = audit::run_audit(account, *controls, rules.rules, at);

  std::unique_ptr<report::Reporter> reporter = make_reporter(options, output->stream());
  report::Totals totals;
  reporter->begin();
  for (std::size_t i = 0; i < account.files.size(); ++i) {
    // The checks are done: the file's text can move to its result.
    engine::FileResult file{.source = std::move(account.files[i].source),
                            .format = "account-settings",
                            .findings = std::move(result.findings[i])};
    totals.add(file);
    reporter->file(file);
  }
  const std::vector<std::string> notes = summary_notes(result);
  reporter->notes(notes);
  reporter->end({});
  if (auto written = output->finish(); !written) {
    err << "iamlint: error: " << written.error().message << '\n';
    return kExitError;
  }
  if (!options.quiet) {
    if (options.format == OutputFormat::kText)
      report::write_summary(totals, {.color = options.color}, err);
    for (const std::string& note : notes) err << "iamlint: " << note << '\n';
    if (loaded.skipped > 0) {
      err << fmt::format(
          "iamlint: note: {} file{} among the PATHs {} no account export; left out\n",
          loaded.skipped, loaded.skipped == 1 ? "" : "s", loaded.skipped == 1 ? "is" : "are");
    }
  }
  const std::optional<engine::Level> fail_level = settings->fail_level.value;
  const bool failed = fail_level && totals.most_severe && *totals.most_severe <= *fail_level;
  return failed ? kExitFindings : kExitClean;
}

}  // namespace iamlint::app
