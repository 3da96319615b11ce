#include "app/expand_command.h"

#include <fmt/core.h>

#include "analysis/actions.h"
#include "ast/lower.h"
#include "catalog/expand_command.h"
#include "engine/linter.h"
#include "json/parser.h"
#include "source/line_index.h"
#include "source/source_file.h"

namespace iamlint::app {
namespace {

std::string statement_label(const ast::Statement& statement, const source::LineIndex& index) {
  source::Position at = index.position(statement.range.begin, source::ColumnUnit::kCodePoints);
  std::string label = fmt::format("Statement {} at line {}", statement.index + 1, at.line);
  if (statement.sid) label += fmt::format(" (Sid {})", statement.sid->value);
  if (!statement.action && statement.not_action) label += ", NotAction inverted";
  return label;
}

int expand_policy(const Options& options, catalog::ExpandFormat format, std::ostream& out,
                  std::ostream& err) {
  auto source = source::load_file(*options.expand_policy);
  if (!source) {
    err << "iamlint: error: " << source.error().message << '\n';
    return kExitError;
  }
  auto doc = json::parse(source->text);
  std::optional<json::SyntaxError> problem = engine::past_limits(*source, doc ? &*doc : nullptr);
  if (!problem && !doc) problem = doc.error();
  if (problem) {
    source::Position at =
        source::LineIndex(source->text).position(problem->offset, source::ColumnUnit::kCodePoints);
    err << fmt::format("{}:{}:{}: error: {}{}\n", source->path, at.line, at.column,
                       problem->limit ? "" : "invalid JSON: ", problem->message);
    return kExitFindings;
  }
  auto policy = ast::lower_policy(*doc, doc->root(), options.policy_kind);
  if (!policy) {
    err << fmt::format(
        "iamlint: error: '{}' is not a policy document (its top level is not an object)\n",
        source->path);
    return kExitFindings;
  }
  source::LineIndex index(source->text);
  std::vector<catalog::ActionGroup> groups;
  for (const ast::Statement& statement : policy->statements) {
    groups.push_back({.label = statement_label(statement, index),
                      .actions = analysis::statement_actions(statement)});
  }
  catalog::write_action_groups(groups, format, out);
  return kExitClean;
}

}  // namespace

int expand_command(const Options& options, std::ostream& out, std::ostream& err) {
  if (options.format != OutputFormat::kText && options.format != OutputFormat::kJson) {
    err << "iamlint: error: 'iamlint expand' prints text or json\n";
    return kExitError;
  }
  auto format = options.format == OutputFormat::kJson ? catalog::ExpandFormat::kJson
                                                      : catalog::ExpandFormat::kText;
  if (options.expand_policy) {
    if (!options.patterns.empty()) {
      err << "iamlint: error: give either --policy FILE or action patterns to 'iamlint expand', "
             "not both\n";
      return kExitError;
    }
    return expand_policy(options, format, out, err);
  }
  return catalog::run_expand({.patterns = options.patterns, .format = format}, out, err);
}

}  // namespace iamlint::app
