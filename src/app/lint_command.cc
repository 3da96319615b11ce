#include "app/lint_command.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include <fmt/core.h>

#include "app/app.h"
#include "app/baseline.h"
#include "app/inputs.h"
#include "engine/registry.h"
#include "report/github_reporter.h"
#include "report/json_reporter.h"
#include "report/sarif_reporter.h"
#include "report/text_reporter.h"
#include "support/parallel.h"
#include "support/text.h"

namespace iamlint::app {
namespace {

constexpr std::string_view kInformationUri = "https://github.com/iamlint/iamlint";

// Lints every input on `jobs` threads. Each result lands at its input's index, so the output
// never depends on scheduling.
std::vector<engine::FileResult> lint_all(const std::vector<std::string>& files,
                                         const Options& options, const engine::LintConfig& config,
                                         std::vector<Error>& errors) {
  std::vector<std::optional<engine::FileResult>> results(files.size());
  std::vector<std::optional<Error>> failures(files.size());
  parallel_for(files.size(), thread_count(options.jobs, files.size()), [&](std::size_t i) {
    auto source =
        files[i] == "-" ? source::load_stdin(options.stdin_filename) : source::load_file(files[i]);
    if (source) {
      results[i] = engine::lint(std::move(*source), config);
    } else {
      failures[i] = source.error();
    }
  });

  std::vector<engine::FileResult> linted;
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (results[i]) linted.push_back(std::move(*results[i]));
    if (failures[i]) errors.push_back(std::move(*failures[i]));
  }
  // Standard input is listed under its display name, so sort again by what is shown.
  std::stable_sort(linted.begin(), linted.end(),
                   [](const engine::FileResult& a, const engine::FileResult& b) {
                     return a.source.path < b.source.path;
                   });
  return linted;
}

bool fails(const report::LintRun& run, std::optional<engine::Level> fail_level) {
  if (!fail_level) return false;
  for (const engine::FileResult& file : run.files) {
    // Levels are ordered from the most to the least severe.
    if (file.omitted_findings > 0 && file.omitted_level <= *fail_level) return true;
    for (const engine::Finding& finding : file.findings) {
      if (finding.level <= *fail_level) return true;
    }
  }
  return false;
}

bool names_an_input(const std::string& output, const std::vector<std::string>& files) {
  std::error_code ec;
  for (const std::string& file : files) {
    if (file != "-" && std::filesystem::equivalent(output, file, ec)) return true;
  }
  return false;
}

void write_report(const report::LintRun& run, const Options& options, std::ostream& out) {
  switch (options.format) {
    case OutputFormat::kSarif:
      report::write_sarif(run, {version(), kInformationUri}, out);
      break;
    case OutputFormat::kJson:
      report::write_json(run, out);
      break;
    case OutputFormat::kGithub:
      report::write_github(run, out);
      break;
    case OutputFormat::kText:
    case OutputFormat::kMarkdown:
      report::write_text(run, {.color = options.color, .jobs = options.jobs}, out);
      break;
  }
}

}  // namespace

int lint_command(const Options& options, std::ostream& out, std::ostream& err) {
  if (options.format == OutputFormat::kMarkdown) {
    err << "iamlint: error: --format markdown is for 'iamlint rules'; lint output is text, sarif, "
           "json or github\n";
    return kExitError;
  }
  if (options.paths.empty()) {
    err << "iamlint: error: no PATH given (use '-' for standard input; see 'iamlint --help')\n";
    return kExitError;
  }
  auto rules = engine::select_rules(options.select, options.ignore);
  if (!rules) {
    err << "iamlint: error: " << rules.error().message << '\n';
    return kExitError;
  }
  std::optional<Baseline> baseline;
  if (options.baseline) {
    auto loaded = load_baseline(*options.baseline);
    if (!loaded) {
      err << "iamlint: error: " << loaded.error().message << '\n';
      return kExitError;
    }
    baseline = std::move(*loaded);
  }
  Inputs inputs = collect_inputs(options.paths);
  if (options.output && names_an_input(*options.output, inputs.files)) {
    err << fmt::format(
        "iamlint: error: --output '{}' is one of the inputs; it would be overwritten\n",
        *options.output);
    return kExitError;
  }

  // Opened before the work, so that a wrong path fails at once.
  std::ofstream output_file;
  if (options.output) {
    output_file.open(*options.output, std::ios::binary | std::ios::trunc);
    if (!output_file.is_open()) {
      err << fmt::format("iamlint: error: cannot write '{}': {}\n", *options.output,
                         std::strerror(errno));
      return kExitError;
    }
  }

  report::LintRun run{.rules = *rules, .errors = std::move(inputs.errors)};
  run.files = lint_all(inputs.files, options,
                       {.policy_kind = options.policy_kind,
                        .attached_to = options.attached_to,
                        .skip_non_policy = options.skip_non_policy,
                        .rules = *rules},
                       run.errors);
  if (baseline) run.baselined = apply_baseline(*baseline, run);

  if (options.output) {
    write_report(run, options, output_file);
    if (!output_file.flush()) {
      err << fmt::format("iamlint: error: cannot write '{}': {}\n", *options.output,
                         std::strerror(errno));
      return kExitError;
    }
  } else {
    write_report(run, options, out);
  }
  for (const Error& error : run.errors) err << "iamlint: error: " << error.message << '\n';
  for (const engine::FileResult& file : run.files) {
    if (file.omitted_findings == 0) continue;
    err << fmt::format("iamlint: note: {}: {} more findings left out (at most {} per file)\n",
                       to_terminal_text(file.source.path), file.omitted_findings,
                       engine::kMaxFindingsPerFile);
  }
  if (options.format == OutputFormat::kText)
    report::write_summary(run, {.color = options.color}, err);

  if (!run.errors.empty()) return kExitError;
  return fails(run, options.fail_level) ? kExitFindings : kExitClean;
}

}  // namespace iamlint::app
