#include "app/guardrails_command.h"

#include <algorithm>

#include <fmt/core.h>

#include "analysis/guardrail_check.h"
#include "analysis/guardrail_controls.h"
#include "app/app.h"
#include "app/inputs.h"
#include "app/policy_set.h"
#include "app/report_output.h"
#include "report/guardrail_reporter.h"

namespace iamlint::app {
namespace {

Result<std::vector<analysis::Control>> load_controls(const Options& options) {
  std::vector<analysis::Control> controls = analysis::baseline_controls();
  for (const std::string& path : options.controls_files) {
    auto source = source::load_file(path);
    if (!source) return Unexpected(source.error());
    auto added = analysis::parse_controls(source->text, path);
    if (!added) return Unexpected(added.error());
    controls = analysis::merge_controls(std::move(controls), std::move(*added));
  }
  return controls;
}

bool has_gap(std::span<const analysis::ControlVerdict> verdicts) {
  return std::any_of(verdicts.begin(), verdicts.end(), [](const analysis::ControlVerdict& v) {
    return v.status == analysis::ControlStatus::kPartial ||
           v.status == analysis::ControlStatus::kMissing;
  });
}

}  // namespace

int guardrails_command(const Options& options, std::ostream& out, std::ostream& err) {
  if (options.format != OutputFormat::kText && options.format != OutputFormat::kSarif &&
      options.format != OutputFormat::kJson) {
    err << "iamlint: error: 'iamlint guardrails' prints text, sarif or json\n";
    return kExitError;
  }
  if (options.policy_kind && *options.policy_kind != ast::PolicyKind::kScp &&
      *options.policy_kind != ast::PolicyKind::kRcp) {
    err << "iamlint: error: 'iamlint guardrails' checks SCPs and RCPs: --policy-type scp or rcp\n";
    return kExitError;
  }
  if (options.paths.empty()) {
    err << "iamlint: error: usage: iamlint guardrails [--format F] [--controls FILE] PATH... "
           "(the set's SCPs and RCPs: policy files, CloudFormation templates, Terraform plans)\n";
    return kExitError;
  }
  auto controls = load_controls(options);
  if (!controls) {
    err << "iamlint: error: " << controls.error().message << '\n';
    return kExitError;
  }
  // Opened before the work, so that a wrong path fails at once.
  auto output = ReportOutput::open(options, out);
  if (!output) {
    err << "iamlint: error: " << output.error().message << '\n';
    return kExitError;
  }
  Inputs inputs = collect_inputs(options.paths);
  std::vector<std::unique_ptr<LoadedPolicy>> policies;
  for (const std::string& file : inputs.files) {
    if (file == "-") {
      inputs.errors.push_back({ErrorCode::kUsage, "'iamlint guardrails' reads files, not '-'"});
      continue;
    }
    auto loaded = load_organizations_policies(file, options.policy_kind);
    if (!loaded) {
      inputs.errors.push_back(loaded.error());
      continue;
    }
    for (std::unique_ptr<LoadedPolicy>& policy : *loaded) policies.push_back(std::move(policy));
  }
  if (policies.empty() && inputs.errors.empty())
    inputs.errors.push_back({ErrorCode::kUsage, "no SCP or RCP file among the PATHs"});
  if (!inputs.errors.empty()) {
    for (const Error& error : inputs.errors) err << "iamlint: error: " << error.message << '\n';
    return kExitError;
  }

  const std::vector<analysis::PolicySource> sources = sources_of(policies);
  std::vector<report::GuardrailFile> files;
  for (const std::unique_ptr<LoadedPolicy>& policy : policies) {
    const input::OffsetMap& to_file = policy->input().json->to_file();
    files.push_back({.path = policy->source().path,
                     .text = policy->source().text,
                     .location = policy->location(),
                     .to_file = to_file.is_identity() ? nullptr : &to_file});
  }
  const analysis::PermissionModel model(sources);
  const std::vector<analysis::ControlVerdict> verdicts = analysis::check_controls(*controls, model);
  const report::GuardrailReport report{verdicts, files};

  std::ostream& sink = output->stream();
  switch (options.format) {
    case OutputFormat::kSarif:
      report::write_guardrails_sarif(report, {version(), kInformationUri}, sink);
      break;
    case OutputFormat::kJson:
      report::write_guardrails_json(report, sink);
      break;
    default:
      report::write_guardrails_text(report, sink);
      break;
  }
  if (auto written = output->finish(); !written) {
    err << "iamlint: error: " << written.error().message << '\n';
    return kExitError;
  }
  return has_gap(verdicts) ? kExitFindings : kExitClean;
}

}  // namespace iamlint::app
