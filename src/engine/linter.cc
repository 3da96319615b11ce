#include "engine/linter.h"

#include <algorithm>
#include <cstring>
#include <iterator>
#include <vector>

#include <fmt/core.h>

#include "analysis/statement_shape.h"
#include "ast/lower.h"
#include "engine/principal_pass.h"
#include "input/logical_location.h"
#include "input/reader.h"
#include "json/parser.h"
#include "support/hash.h"

namespace iamlint::engine {
namespace {

FindingSink sink(FileResult& result) {
  return {result.findings, result.omitted_findings, result.omitted_level, kMaxFindingsPerFile};
}

// `text` is the text that the error's offset counts in: the file's, or a policy's own.
void report_unparsable(const json::SyntaxError& error, std::string_view text,
                       const LintConfig& config, FileResult& result) {
  RuleContext ctx(text, nullptr, nullptr, nullptr, sink(result));
  for (const Rule* rule : config.rules) {
    ctx.set_rule(&rule->info());
    rule->check_unparsable(error, ctx);
  }
}

void report_non_policy(const input::ParsedJson& json, const LintConfig& config,
                       FileResult& result) {
  RuleContext ctx(json.text(), &json.doc(), nullptr, nullptr, sink(result));
  for (const Rule* rule : config.rules) {
    ctx.set_rule(&rule->info());
    rule->check_non_policy(json.doc(), ctx);
  }
}

// One past the quote that closes the JSON string opening at `open`, or json.size() if none does:
// the next quote after an even number of backslashes, found by memchr rather than byte by byte.
std::size_t string_end(std::string_view json, std::size_t open) {
  for (std::size_t from = open + 1; from < json.size();) {
    const void* found = std::memchr(json.data() + from, '"', json.size() - from);
    if (found == nullptr) break;
    const auto quote = static_cast<std::size_t>(static_cast<const char*>(found) - json.data());
    std::size_t backslashes = 0;
    while (quote - backslashes > open + 1 && json[quote - backslashes - 1] == '\\') ++backslashes;
    if (backslashes % 2 == 0) return quote + 1;
    from = quote + 1;
  }
  return json.size();
}

// A statement's identity for fingerprints: its Sid, or its JSON text with whitespace outside
// strings left out, so that reindenting a file keeps it. A string is hashed as one run, quotes
// included.
uint64_t statement_hash(const ast::Statement& statement, std::string_view text) {
  if (statement.sid && !statement.sid->value.empty())
    return fnv1a(statement.sid->value, fnv1a("Sid"));
  const std::string_view json = text.substr(statement.range.begin, statement.range.size());
  uint64_t hash = kFnvOffset;
  for (std::size_t i = 0; i < json.size();) {
    const char c = json[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++i;
    } else if (c == '"') {
      const std::size_t end = string_end(json, i);
      hash = fnv1a(json.substr(i, end - i), hash);
      i = end;
    } else {
      hash = fnv1a(json.substr(i, 1), hash);
      ++i;
    }
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

// Moves the findings from `first` on that a suppression covers to result.suppressed. An expired
// suppression is noted as matched (so that it is reported as expired) but leaves the finding in
// place.
void set_aside_suppressed(const ast::Policy& policy, std::span<const Suppression> suppressions,
                          std::size_t first, FileResult& result) {
  if (suppressions.empty()) return;
  std::vector<Finding> kept(std::make_move_iterator(result.findings.begin()),
                            std::make_move_iterator(result.findings.begin() + first));
  for (Finding& finding : std::span(result.findings).subspan(first)) {
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

void walk(const input::ParsedJson& json, const ast::Policy& policy, analysis::PolicyFacts& facts,
          const LintConfig& config, FileResult& result) {
  std::vector<const Rule*> rules;
  for (const Rule* rule : config.rules) {
    if (rule->info().applies_to(policy.kind, policy.attached_to)) rules.push_back(rule);
  }
  RuleContext ctx(json.text(), &json.doc(), &policy, &facts, sink(result), config.trusted);
  if (config.scp_set) ctx.set_scp_set(&*config.scp_set);
  for (const Rule* rule : rules) {
    ctx.set_rule(&rule->info());
    rule->check_policy(policy, ctx);
  }
  std::erase_if(
      rules, [](const Rule* rule) { return !rule->hooks().statement && !rule->hooks().condition; });
  // A statement without conditions is walked only by the rules with a statement hook: a third of
  // the rules look at conditions alone, and most statements have none.
  std::vector<const Rule*> statement_rules;
  statement_rules.reserve(rules.size());
  std::copy_if(rules.begin(), rules.end(), std::back_inserter(statement_rules),
               [](const Rule* rule) { return rule->hooks().statement; });
  for (const ast::Statement& statement : policy.statements) {
    const bool malformed = analysis::is_malformed(statement, facts);
    for (const Rule* rule : statement.conditions.empty() ? statement_rules : rules) {
      if (malformed && rule->info().judges_grants) continue;
      ctx.set_rule(&rule->info());
      if (rule->hooks().statement) rule->check_statement(statement, ctx);
      if (!rule->hooks().condition) continue;
      for (const ast::Condition& condition : statement.conditions) {
        rule->check_condition(statement, condition, ctx);
      }
    }
  }
}

// Returns the lowered policy when `keep` (for the principals that use it).
std::unique_ptr<LoweredPolicy> lint_policy(const input::PolicySource& source,
                                           const LintConfig& config, bool keep,
                                           FileResult& result) {
  const input::PolicyOrigin& origin = source.origin;
  PolicyResult& info = result.policies.emplace_back(
      PolicyResult{.location = source.location,
                   .container = origin.container,
                   .kind = origin.kind.value_or(ast::PolicyKind::kIdentity),
                   .attached_to = origin.kind ? origin.attached_to : config.attached_to,
                   .linted = origin.linted});
  if (!origin.linted) return nullptr;
  std::unique_ptr<LoweredPolicy> lowered;
  const std::size_t first = result.findings.size();
  const std::size_t first_suppressed = result.suppressed.size();
  const input::ParsedJson& json = *source.json;
  const std::optional<ast::PolicyKind> kind = origin.kind ? origin.kind : config.policy_kind;
  if (!json.parsed()) {
    report_unparsable(json.error(), json.text(), config, result);
  } else if (auto limit = too_many_statements(json.doc(), source.root)) {
    report_unparsable(*limit, json.text(), config, result);
  } else if (auto policy = ast::lower_policy(json.doc(), source.root, kind)) {
    info.kind = policy->kind;
    policy->attached_to = info.attached_to;
    policy->scp_syntax = config.scp_syntax;
    lowered = std::make_unique<LoweredPolicy>(std::move(*policy));
    walk(json, lowered->policy, lowered->facts, config, result);
    set_statement_hashes(lowered->policy, json.text(), std::span(result.findings).subspan(first));
    set_aside_suppressed(lowered->policy, config.suppressions, first, result);
  } else {
    report_non_policy(json, config, result);
  }
  const auto index = static_cast<uint32_t>(result.policies.size() - 1);
  place_findings(source, result.source.text, index, std::span(result.findings).subspan(first));
  place_findings(source, result.source.text, index,
                 std::span(result.suppressed).subspan(first_suppressed));
  if (!keep) lowered.reset();
  return lowered;
}

}  // namespace

std::optional<json::SyntaxError> too_many_statements(const json::Document& doc, json::NodeId root) {
  if (!doc.node(root).is_object()) return std::nullopt;
  const json::NodeId statement = doc.find_member(root, "Statement");
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

void place_findings(const input::PolicySource& source, std::string_view file_text, uint32_t policy,
                    std::span<Finding> findings) {
  const input::ParsedJson& json = *source.json;
  std::optional<input::LocationFinder> finder;
  if (json.parsed() && !source.location.empty() && !source.from_properties)
    finder.emplace(json.doc());
  // Fixes are edits of JSON text: they apply to the file only where the policy's text is the
  // file's own, not to a policy decoded from a string or read from YAML.
  const bool fixes_apply = json.text().data() == file_text.data();
  for (Finding& finding : findings) {
    finding.policy = policy;
    if (!fixes_apply) finding.fix.reset();
    if (finder) {
      json::NodeId at = finder->deepest_at(source.root, finding.range);
      finding.logical_location =
          input::join_locations(source.location, finder->path(at, source.root));
    } else {
      finding.logical_location = source.location;
    }
    finding.range = json.to_file().to_outer(finding.range);
    for (RelatedLocation& related : finding.related) {
      related.range = json.to_file().to_outer(related.range);
    }
  }
}

std::optional<json::SyntaxError> past_limits(const source::SourceFile& source,
                                             const json::Document* doc) {
  if (source.too_large) {
    return json::SyntaxError{
        .message = fmt::format("the file is larger than the {} MiB limit; it was not analysed",
                               source.limit >> 20),
        .limit = true};
  }
  return doc ? too_many_statements(*doc, doc->root()) : std::nullopt;
}

FileResult lint(source::SourceFile source, const LintConfig& config) {
  FileResult result{.source = std::move(source)};
  if (result.source.too_large) {
    result.skipped = config.skip_non_policy;  // no policy is that large
    if (!result.skipped) result.syntax_error = past_limits(result.source, nullptr);
  } else {
    input::Reading reading = input::read(result.source.path, result.source.text,
                                         {.format = config.input_format,
                                          .include_aws_managed = config.include_aws_managed,
                                          .skip_non_policy = config.skip_non_policy});
    if (reading.kind) result.format = reading.kind->name;
    if (reading.error) {
      // A broken policy or template still says so; JSON with comments (tsconfig.json, editor
      // settings) does not, and a hook over every *.json should leave it alone.
      result.skipped = config.skip_non_policy && !input::mentions_policy(result.source.text);
      if (!result.skipped) result.syntax_error = std::move(reading.error);
    } else if (config.skip_non_policy && reading.policies.empty()) {
      result.skipped = true;  // package.json, a template without policies
    }
    if (!result.skipped && !result.syntax_error) {
      const std::vector<bool> keep =
          used_by_principals(reading.principals, reading.policies.size());
      std::vector<std::unique_ptr<LoweredPolicy>> lowered;
      for (std::size_t i = 0; i < reading.policies.size(); ++i) {
        lowered.push_back(lint_policy(reading.policies[i], config, keep[i], result));
      }
      if (!reading.principals.empty()) {
        const std::size_t first = result.findings.size();
        check_principals(reading.principals, reading.policies, lowered, config, result);
        // A suppression that names only the rule covers a principal's finding too.
        set_aside_suppressed(ast::Policy{}, config.suppressions, first, result);
      }
      // After every policy: a comment may cover several (above a template's Resources).
      if (!reading.directives.empty()) {
        result.suppression_notices = apply_suppression_comments(reading.directives, config.rules,
                                                                result.findings, result.suppressed);
      }
      result.principals = std::move(reading.principals);
    }
  }
  if (result.syntax_error) {
    report_unparsable(*result.syntax_error, result.source.text, config, result);
  }
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
