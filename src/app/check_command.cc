#include "app/check_command.h"

#include <algorithm>
#include <sstream>

#include <fmt/core.h>

#include "analysis/access_comparison.h"
#include "analysis/actions.h"
#include "app/check_findings.h"
#include "app/inputs.h"
#include "app/policy_pairs.h"
#include "app/report_output.h"
#include "app/reporter_factory.h"
#include "input/reader.h"
#include "support/text.h"

namespace iamlint::app {
namespace {

std::string_view check_name(Check check) {
  switch (check) {
    case Check::kNoNewAccess:
      return "no-new-access";
    case Check::kAccessNotGranted:
      return "access-not-granted";
    case Check::kNoPublicAccess:
      return "no-public-access";
  }
  return "";
}

// A file's result before its policies' findings are added (add_policy_findings).
engine::FileResult result_of(const LoadedFile& file) {
  return {.source = *file.source, .format = file.format};
}

// Adds a policy of the file and its findings, moved from the policy's text to the file's.
void add_policy_findings(const LoadedPolicy& policy, std::vector<engine::Finding> findings,
                         engine::FileResult& result) {
  const auto index = static_cast<uint32_t>(result.policies.size());
  result.policies.push_back(policy.describe());
  policy.place(findings, index);
  for (engine::Finding& finding : findings) result.findings.push_back(std::move(finding));
}

// "path" for a bare policy file, "path: Resources.Role.Properties.Policies[0].PolicyDocument
// (AWS::IAM::Role Role)" for a policy in a container.
std::string policy_name(const LoadedPolicy& policy) {
  return policy.location().empty()
             ? policy.source().path
             : fmt::format("{}: {}", policy.source().path, policy.name_in_file());
}

// The catalogue actions of a comparison's deltas, for the per-file summary.
catalog::ActionSet actions_of(std::span<const analysis::AccessDelta> deltas) {
  catalog::ActionSet actions;
  for (const analysis::AccessDelta& delta : deltas) actions.insert(delta.actions);
  return actions;
}

std::string summary_of(std::span<const analysis::AccessDelta> deltas) {
  const catalog::ActionSet actions = actions_of(deltas);
  std::size_t unknown = 0;
  for (const analysis::AccessDelta& delta : deltas) unknown += delta.unknown_actions.size();
  if (actions.empty() && unknown == 0) return "none";
  std::string out = actions.empty() ? "" : analysis::describe_grant(actions);
  if (unknown > 0)
    out += fmt::format("{}{} not in the catalogue", out.empty() ? "" : " and ", unknown);
  return out;
}

// A line per policy with a change of access, under the file's findings: what it adds and removes.
void write_policy_summary(const PairedFile& file, const PolicyPair& pair,
                          std::span<const analysis::AccessDelta> added,
                          std::span<const analysis::AccessDelta> removed, std::ostream& out) {
  if (added.empty() && removed.empty()) return;
  const std::string_view novelty = !pair.added               ? ""
                                   : file.older_path.empty() ? "new file; "
                                                             : "new policy; ";
  out << fmt::format("{}: {}access added: {}; removed: {}\n\n",
                     to_terminal_text(policy_name(*pair.newer)), novelty, summary_of(added),
                     summary_of(removed));
}

struct Outcome {
  std::vector<engine::FileResult> results;
  std::vector<std::string> summaries;  // text format: one block per result, maybe empty
  std::vector<Error> errors;
  std::vector<std::string> notes;
};

Outcome no_new_access(const Options& options) {
  Outcome outcome;
  if (static_cast<bool>(options.base) == static_cast<bool>(options.base_ref)) {
    outcome.errors.push_back(
        {ErrorCode::kUsage, "check no-new-access needs --base OLD NEW or --base-ref REV FILE..."});
    return outcome;
  }
  PairedPolicies paired = options.base
                              ? pair_with_base(*options.base, options.paths, options)
                              : pair_with_revision(*options.base_ref, options.paths, options);
  outcome.errors = std::move(paired.errors);
  for (const std::string& removed : paired.removed)
    outcome.notes.push_back(fmt::format("{} is gone: it grants nothing now", removed));
  for (const PairedFile& file : paired.files) {
    engine::FileResult result = result_of(file.newer);
    std::ostringstream summary;
    for (const PolicyPair& pair : file.pairs) {
      const auto added = analysis::compare_access(pair.older->model(), pair.newer->model());
      const auto removed = analysis::compare_access(pair.newer->model(), pair.older->model());
      add_policy_findings(*pair.newer, new_access_findings(added, *pair.older), result);
      write_policy_summary(file, pair, added, removed, summary);
    }
    std::stable_sort(result.findings.begin(), result.findings.end(), engine::finding_order);
    for (const std::unique_ptr<LoadedPolicy>& gone : file.removed) {
      outcome.notes.push_back(fmt::format("{}: the policy at {} is gone: it grants nothing now",
                                          file.newer.source->path, gone->name_in_file()));
    }
    outcome.results.push_back(std::move(result));
    outcome.summaries.push_back(summary.str());
  }
  return outcome;
}

// access-not-granted and no-public-access judge each file alone.
template <class Judge>
Outcome each_file(const Options& options, Judge judge) {
  Outcome outcome;
  Inputs inputs = collect_inputs(options.paths);
  outcome.errors = std::move(inputs.errors);
  for (const std::string& file : inputs.files) {
    auto source = source::load_file(file, input::input_size_limit());
    if (!source) {
      outcome.errors.push_back(source.error());
      continue;
    }
    auto loaded =
        load_policies(std::move(*source), read_options(options), policy_defaults(options));
    if (!loaded) {
      outcome.errors.push_back(loaded.error());
      continue;
    }
    if (loaded->skipped) continue;
    engine::FileResult result = result_of(*loaded);
    for (const std::unique_ptr<LoadedPolicy>& policy : loaded->policies)
      add_policy_findings(*policy, judge(*policy), result);
    std::stable_sort(result.findings.begin(), result.findings.end(), engine::finding_order);
    outcome.results.push_back(std::move(result));
    outcome.summaries.emplace_back();
  }
  return outcome;
}

std::string files(std::size_t count) {
  return fmt::format("{} file{}", count, count == 1 ? "" : "s");
}

// The last line of a text report. A check that could not read every file has not passed, even
// when nothing it read fails.
std::string verdict(std::string_view check, const Outcome& outcome, std::size_t failed) {
  const std::size_t checked = outcome.results.size();
  if (outcome.errors.empty()) {
    return failed == 0 ? fmt::format("{}: passes ({})", check, files(checked))
                       : fmt::format("{}: fails in {} of {}", check, failed, files(checked));
  }
  const std::size_t errors = outcome.errors.size();
  const std::string problems = fmt::format("{} error{}", errors, errors == 1 ? "" : "s");
  return failed == 0 ? fmt::format("{}: not decided: {}; no failure in the {} read", check,
                                   problems, files(checked))
                     : fmt::format("{}: fails in {} of the {} read; {}", check, failed,
                                   files(checked), problems);
}

Outcome run_check(const Options& options) {
  switch (options.check) {
    case Check::kNoNewAccess:
      return no_new_access(options);
    case Check::kAccessNotGranted:
      if (options.check_actions.empty()) {
        Outcome outcome;
        outcome.errors.push_back(
            {ErrorCode::kUsage, "check access-not-granted needs at least one --action"});
        return outcome;
      }
      return each_file(options, [&](const LoadedPolicy& policy) {
        return granted_findings(policy, options.check_actions, options.check_resources);
      });
    case Check::kNoPublicAccess:
      return each_file(options, public_findings);
  }
  return {};
}

}  // namespace

int check_command(const Options& options, std::ostream& out, std::ostream& err) {
  if (options.format != OutputFormat::kText && options.format != OutputFormat::kJson &&
      options.format != OutputFormat::kSarif && options.format != OutputFormat::kGithub) {
    err << "iamlint: error: 'iamlint check' prints text, json, sarif or github\n";
    return kExitError;
  }
  if (options.paths.empty()) {
    err << fmt::format("iamlint: error: 'iamlint check {}' needs a FILE or directory\n",
                       check_name(options.check));
    return kExitError;
  }
  // Opened before the work, so that a wrong path fails at once.
  auto output = ReportOutput::open(options, out);
  if (!output) {
    err << "iamlint: error: " << output.error().message << '\n';
    return kExitError;
  }
  Outcome outcome = run_check(options);
  std::ostream& report_out = output->stream();
  std::unique_ptr<report::Reporter> reporter = make_reporter(options, report_out);
  reporter->begin();
  std::size_t failed = 0;
  for (std::size_t i = 0; i < outcome.results.size(); ++i) {
    reporter->file(outcome.results[i]);
    if (options.format == OutputFormat::kText) report_out << outcome.summaries[i];
    if (!outcome.results[i].findings.empty()) ++failed;
  }
  reporter->end(outcome.errors);
  if (auto written = output->finish(); !written) {
    err << "iamlint: error: " << written.error().message << '\n';
    return kExitError;
  }
  for (const Error& error : outcome.errors) err << "iamlint: error: " << error.message << '\n';
  if (!options.quiet) {
    for (const std::string& note : outcome.notes) err << "iamlint: note: " << note << '\n';
    if (options.format == OutputFormat::kText)
      err << verdict(check_name(options.check), outcome, failed) << '\n';
  }
  if (!outcome.errors.empty()) return kExitError;
  return failed > 0 ? kExitFindings : kExitClean;
}

}  // namespace iamlint::app
