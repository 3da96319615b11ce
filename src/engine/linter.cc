#include "engine/linter.h"

#include <algorithm>

#include <fmt/core.h>

#include "ast/lower.h"
#include "json/parser.h"
#include "support/hash.h"

namespace iamlint::engine {
namespace {

FindingSink sink(FileResult& result) {
  return {result.findings, result.omitted_findings, result.omitted_level, kMaxFindingsPerFile};
}

void report_unparsable(const json::SyntaxError& error, const LintConfig& config,
                       FileResult& result) {
  RuleContext ctx(result.source.text, nullptr, nullptr, nullptr, sink(result));
  for (const Rule* rule : config.rules) {
    ctx.set_rule(&rule->info());
    rule->check_unparsable(error, ctx);
  }
}

json::NodeId statement_node(const json::Document& doc) {
  return doc.node(doc.root()).is_object() ? doc.find_member(doc.root(), "Statement")
                                          : json::kNoNode;
}

// A Statement array longer than any policy can hold is not analysed, as a file over the size
// limit is not: each statement costs far more memory as a typed statement than as JSON.
std::optional<json::SyntaxError> too_many_statements(const json::Document& doc) {
  const json::NodeId statement = statement_node(doc);
  if (statement == json::kNoNode) return std::nullopt;
  const json::Node& node = doc.node(statement);
  if (!node.is_array() || node.child_count <= kMaxStatements) return std::nullopt;
  return json::SyntaxError{
      .offset = node.range.begin,
      .message = fmt::format("the policy has {} statements, more than the {} iamlint analyses (no "
                             "AWS policy type holds nearly as many); it was not analysed",
                             node.child_count, kMaxStatements),
      .limit = true};
}

void report_non_policy(const json::Document& doc, const LintConfig& config, FileResult& result) {
  RuleContext ctx(result.source.text, &doc, nullptr, nullptr, sink(result));
  for (const Rule* rule : config.rules) {
    ctx.set_rule(&rule->info());
    rule->check_non_policy(doc, ctx);
  }
}

// A statement's identity for fingerprints: its Sid, or its JSON text with whitespace outside
// strings left out, so that reindenting a file keeps it.
uint64_t statement_hash(const ast::Statement& statement, std::string_view text) {
  if (statement.sid && !statement.sid->value.empty())
    return fnv1a(statement.sid->value, fnv1a("Sid"));
  uint64_t hash = kFnvOffset;
  bool in_string = false;
  bool escaped = false;
  for (char c : text.substr(statement.range.begin, statement.range.size())) {
    if (in_string) {
      in_string = escaped || c != '"';
      escaped = !escaped && c == '\\';
    } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      continue;
    } else {
      in_string = c == '"';
    }
    hash = fnv1a(std::string_view(&c, 1), hash);
  }
  return hash;
}

// Gives each finding of [first, end) the hash of the statement that holds its start. Each
// statement is hashed once, however many findings it holds: a large statement may hold thousands.
void set_statement_hashes(const ast::Policy& policy, std::string_view text,
                          std::span<Finding> findings) {
  std::vector<std::optional<uint64_t>> hashes(policy.statements.size());
  for (Finding& finding : findings) {
    auto after = std::upper_bound(
        policy.statements.begin(), policy.statements.end(), finding.range.begin,
        [](uint32_t offset, const ast::Statement& s) { return offset < s.range.begin; });
    if (after == policy.statements.begin()) continue;
    const ast::Statement& statement = *(after - 1);
    if (finding.range.begin >= statement.range.end) continue;
    std::optional<uint64_t>& hash =
        hashes[static_cast<std::size_t>(&statement - &policy.statements[0])];
    if (!hash) hash = statement_hash(statement, text);
    finding.statement_hash = *hash;
  }
}

// Moves the findings a suppression covers to result.suppressed. An expired suppression is noted
// as matched (so that it is reported as expired) but leaves the finding in place.
void set_aside_suppressed(const ast::Policy& policy, std::span<const Suppression> suppressions,
                          FileResult& result) {
  if (suppressions.empty()) return;
  std::vector<Finding> kept;
  for (Finding& finding : result.findings) {
    const Suppression* applied = nullptr;
    for (const Suppression& suppression : suppressions) {
      if (!suppresses(suppression, finding, policy)) continue;
      if (std::find(result.suppressions_matched.begin(), result.suppressions_matched.end(),
                    suppression.id) == result.suppressions_matched.end()) {
        result.suppressions_matched.push_back(suppression.id);
      }
      if (!suppression.expired && applied == nullptr) applied = &suppression;
    }
    if (applied) {
      finding.suppression_reason = applied->reason;
      result.suppressed.push_back(std::move(finding));
    } else {
      kept.push_back(std::move(finding));
    }
  }
  result.findings = std::move(kept);
}

void walk(const json::Document& doc, const ast::Policy& policy, const LintConfig& config,
          FileResult& result) {
  std::vector<const Rule*> rules;
  for (const Rule* rule : config.rules) {
    if (rule->info().applies_to(policy.kind)) rules.push_back(rule);
  }
  analysis::PolicyFacts facts(policy);
  RuleContext ctx(result.source.text, &doc, &policy, &facts, sink(result));
  for (const Rule* rule : rules) {
    ctx.set_rule(&rule->info());
    rule->check_policy(policy, ctx);
  }
  for (const ast::Statement& statement : policy.statements) {
    for (const Rule* rule : rules) {
      ctx.set_rule(&rule->info());
      rule->check_statement(statement, ctx);
      for (const ast::Condition& condition : statement.conditions) {
        rule->check_condition(statement, condition, ctx);
      }
    }
  }
  set_statement_hashes(policy, result.source.text, result.findings);
  set_aside_suppressed(policy, config.suppressions, result);
}

}  // namespace

std::optional<json::SyntaxError> past_limits(const source::SourceFile& source,
                                             const json::Document* doc) {
  if (source.too_large) {
    return json::SyntaxError{
        .message = fmt::format("the file is larger than the {} MiB limit; it was not analysed",
                               source::kMaxFileBytes >> 20),
        .limit = true};
  }
  return doc ? too_many_statements(*doc) : std::nullopt;
}

FileResult lint(source::SourceFile source, const LintConfig& config) {
  FileResult result{.source = std::move(source)};
  if (result.source.too_large) {
    result.skipped = config.skip_non_policy;  // no policy is that large
    if (!result.skipped) result.syntax_error = past_limits(result.source, nullptr);
  } else if (auto doc = json::parse(result.source.text); !doc) {
    // A broken policy still names its Statement; JSON with comments (tsconfig.json, editor
    // settings) does not, and a hook over every *.json should leave it alone.
    result.skipped =
        config.skip_non_policy && result.source.text.find("\"Statement\"") == std::string::npos;
    if (!result.skipped) result.syntax_error = doc.error();
  } else if (config.skip_non_policy && statement_node(*doc) == json::kNoNode) {
    result.skipped = true;
  } else if (auto limit = past_limits(result.source, &*doc)) {
    result.syntax_error = std::move(limit);
  } else if (auto policy = ast::lower_policy(*doc, doc->root(), config.policy_kind)) {
    result.kind = policy->kind;
    policy->attached_to = config.attached_to;
    policy->scp_syntax = config.scp_syntax;
    walk(*doc, *policy, config, result);
  } else {
    report_non_policy(*doc, config, result);
  }
  if (result.syntax_error) report_unparsable(*result.syntax_error, config, result);
  for (const LevelOverride& override : config.levels) {
    for (auto* list : {&result.findings, &result.suppressed}) {
      for (Finding& finding : *list) {
        if (finding.rule == override.rule) finding.level = override.level;
      }
    }
  }
  std::sort(result.findings.begin(), result.findings.end(), finding_order);
  std::sort(result.suppressed.begin(), result.suppressed.end(), finding_order);
  std::sort(result.suppressions_matched.begin(), result.suppressions_matched.end());
  return result;
}

}  // namespace iamlint::engine
