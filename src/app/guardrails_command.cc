#include "app/guardrails_command.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <memory>

#include <fmt/core.h>

#include "analysis/guardrail_check.h"
#include "analysis/guardrail_controls.h"
#include "analysis/policy_facts.h"
#include "app/app.h"
#include "app/inputs.h"
#include "ast/lower.h"
#include "engine/linter.h"
#include "json/parser.h"
#include "report/guardrail_reporter.h"
#include "source/line_index.h"
#include "source/source_file.h"

namespace iamlint::app {
namespace {

constexpr std::string_view kInformationUri = "https://github.com/iamlint/iamlint";

// One policy of the set, with everything its model statements point into.
struct LoadedPolicy {
  source::SourceFile source;
  std::unique_ptr<json::Document> doc;
  std::unique_ptr<ast::Policy> policy;
  std::unique_ptr<analysis::PolicyFacts> facts;
};

// An RCP names its Principal ("*"); an SCP has none.
ast::PolicyKind organizations_kind(const ast::Policy& policy) {
  const bool principal = std::any_of(policy.statements.begin(), policy.statements.end(),
                                     [](const ast::Statement& s) { return s.has_principal(); });
  return principal ? ast::PolicyKind::kRcp : ast::PolicyKind::kScp;
}

std::string at(const source::SourceFile& source, uint32_t offset) {
  const source::Position position =
      source::LineIndex(source.text).position(offset, source::ColumnUnit::kCodePoints);
  return fmt::format("{}:{}:{}", source.path, position.line, position.column);
}

Result<LoadedPolicy> load_policy(const std::string& path, const Options& options) {
  auto source = source::load_file(path);
  if (!source) return Unexpected(source.error());
  LoadedPolicy loaded{.source = std::move(*source)};
  auto doc = json::parse(loaded.source.text);
  std::optional<json::SyntaxError> problem =
      engine::past_limits(loaded.source, doc ? &*doc : nullptr);
  if (!problem && !doc) problem = doc.error();
  if (problem) {
    return make_error(ErrorCode::kUsage,
                      fmt::format("{}: {}; 'iamlint --policy-type scp {}' says more",
                                  at(loaded.source, problem->offset), problem->message, path));
  }
  loaded.doc = std::make_unique<json::Document>(std::move(*doc));
  auto policy = ast::lower_policy(*loaded.doc, loaded.doc->root(), ast::PolicyKind::kScp);
  if (!policy || loaded.doc->find_member(loaded.doc->root(), "Statement") == json::kNoNode) {
    return make_error(ErrorCode::kUsage,
                      fmt::format("{}: not a policy: an SCP or RCP is an object with a "
                                  "\"Statement\"",
                                  at(loaded.source, 0)));
  }
  policy->kind = options.policy_kind.value_or(organizations_kind(*policy));
  loaded.policy = std::make_unique<ast::Policy>(std::move(*policy));
  loaded.facts = std::make_unique<analysis::PolicyFacts>(*loaded.policy);
  return loaded;
}

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
           "(the SCP and RCP files of the set)\n";
    return kExitError;
  }
  auto controls = load_controls(options);
  if (!controls) {
    err << "iamlint: error: " << controls.error().message << '\n';
    return kExitError;
  }
  Inputs inputs = collect_inputs(options.paths);
  std::vector<LoadedPolicy> policies;
  for (const std::string& file : inputs.files) {
    if (file == "-") {
      inputs.errors.push_back({ErrorCode::kUsage, "'iamlint guardrails' reads files, not '-'"});
      continue;
    }
    auto loaded = load_policy(file, options);
    if (!loaded) {
      inputs.errors.push_back(loaded.error());
      continue;
    }
    policies.push_back(std::move(*loaded));
  }
  if (policies.empty() && inputs.errors.empty())
    inputs.errors.push_back({ErrorCode::kUsage, "no SCP or RCP file among the PATHs"});
  if (!inputs.errors.empty()) {
    for (const Error& error : inputs.errors) err << "iamlint: error: " << error.message << '\n';
    return kExitError;
  }

  std::vector<analysis::PolicySource> sources;
  std::vector<report::GuardrailFile> files;
  for (std::size_t i = 0; i < policies.size(); ++i) {
    sources.push_back(
        {.policy = policies[i].policy.get(), .facts = policies[i].facts.get(), .origin = i});
    files.push_back({policies[i].source.path, policies[i].source.text});
  }
  const analysis::PermissionModel model(sources);
  const std::vector<analysis::ControlVerdict> verdicts = analysis::check_controls(*controls, model);
  const report::GuardrailReport report{verdicts, files};

  std::ofstream output_file;
  if (options.output) {
    output_file.open(*options.output, std::ios::binary | std::ios::trunc);
    if (!output_file.is_open()) {
      err << fmt::format("iamlint: error: cannot write '{}': {}\n", *options.output,
                         std::strerror(errno));
      return kExitError;
    }
  }
  std::ostream& sink = options.output ? output_file : out;
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
  if (options.output && !output_file.flush()) {
    err << fmt::format("iamlint: error: cannot write '{}': {}\n", *options.output,
                       std::strerror(errno));
    return kExitError;
  }
  return has_gap(verdicts) ? kExitFindings : kExitClean;
}

}  // namespace iamlint::app
