#include "report/sarif_reporter.h"

#include <map>
#include <string>

#include <fmt/core.h>

#include "engine/rule_docs.h"
#include "json/document.h"
#include "report/fingerprint.h"
#include "report/json_writer.h"
#include "source/line_index.h"

namespace iamlint::report {
namespace {

using source::ColumnUnit;

constexpr std::string_view kSchema = "https://json.schemastore.org/sarif-2.1.0.json";
constexpr std::string_view kSourceRoot = "%SRCROOT%";
// Past this a snippet would mostly repeat the file; viewers read it from the checkout instead.
constexpr uint32_t kMaxSnippetBytes = 512;

bool is_unreserved(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~' || c == '/';
}

std::string percent_encode(std::string_view path) {
  std::string out;
  for (char c : path) {
    auto byte = static_cast<unsigned char>(c);
    if (is_unreserved(byte)) {
      out += c;
    } else {
      out += fmt::format("%{:02X}", byte);
    }
  }
  return out;
}

void write_region(JsonWriter& w, const source::LineIndex& index, std::string_view text,
                  ByteRange range) {
  source::Position start = index.position(range.begin, ColumnUnit::kUtf16CodeUnits);
  source::Position end = index.position(range.end, ColumnUnit::kUtf16CodeUnits);
  // An empty range (the end of the input) still needs a visible column for viewers.
  if (start == end) ++end.column;
  w.key("region");
  w.begin_object();
  w.field("startLine", start.line);
  w.field("startColumn", start.column);
  w.field("endLine", end.line);
  w.field("endColumn", end.column);
  if (range.size() > 0 && range.size() <= kMaxSnippetBytes) {
    w.key("snippet");
    w.begin_object();
    w.field("text", text.substr(range.begin, range.size()));
    w.end_object();
  }
  w.end_object();
}

void write_physical_location(JsonWriter& w, const engine::FileResult& file,
                             const source::LineIndex& index, ByteRange range) {
  w.key("physicalLocation");
  w.begin_object();
  w.key("artifactLocation");
  w.begin_object();
  std::string uri = artifact_uri(file.source.path);
  w.field("uri", uri);
  if (!uri.starts_with("file:")) w.field("uriBaseId", kSourceRoot);
  w.end_object();
  write_region(w, index, file.source.text, range);
  w.end_object();
}

void write_message(JsonWriter& w, std::string_view text) {
  w.key("message");
  w.begin_object();
  w.field("text", text);
  w.end_object();
}

void write_rule(JsonWriter& w, const engine::RuleInfo& info) {
  std::string_view doc = engine::rule_doc(info.name);
  w.begin_object();
  w.field("id", info.id);
  w.field("name", info.name);
  w.key("shortDescription");
  w.begin_object();
  w.field("text", info.summary);
  w.end_object();
  w.key("fullDescription");
  w.begin_object();
  w.field("text", engine::rule_description(info.name));
  w.end_object();
  w.key("help");
  w.begin_object();
  w.field("text", doc);
  w.field("markdown", doc);
  w.end_object();
  w.key("defaultConfiguration");
  w.begin_object();
  w.field("level", engine::level_name(info.level));
  w.end_object();
  w.key("properties");
  w.begin_object();
  w.key("tags");
  w.begin_array();
  for (std::string_view tag : info.tags) w.string(tag);
  w.end_array();
  w.field("precision", engine::precision_name(info.precision));
  if (!info.security_severity.empty()) {
    w.field("security-severity", info.security_severity);
  } else {
    w.field("problem.severity",
            info.level == engine::Level::kNote ? "recommendation" : engine::level_name(info.level));
  }
  if (!info.access_analyzer_codes.empty()) {
    w.key("accessAnalyzerIssueCodes");
    w.begin_array();
    for (std::string_view code : info.access_analyzer_codes) w.string(code);
    w.end_array();
  }
  if (!info.equivalents.empty()) {
    w.key("equivalents");
    w.begin_array();
    for (const engine::Equivalent& equivalent : info.equivalents) {
      w.string(fmt::format("{}: {}", equivalent.tool, equivalent.id));
    }
    w.end_array();
  }
  w.end_object();
  w.end_object();
}

std::map<std::string_view, std::size_t> rule_indices(const LintRun& run) {
  std::map<std::string_view, std::size_t> indices;
  for (std::size_t i = 0; i < run.rules.size(); ++i) indices[run.rules[i]->info().id] = i;
  return indices;
}

void write_results(JsonWriter& w, const LintRun& run) {
  auto indices = rule_indices(run);
  w.key("results");
  w.begin_array();
  for (const engine::FileResult& file : run.files) {
    if (file.findings.empty()) continue;
    source::LineIndex index(file.source.text);
    std::vector<std::string> prints = fingerprints(file);
    for (std::size_t i = 0; i < file.findings.size(); ++i) {
      const engine::Finding& finding = file.findings[i];
      w.begin_object();
      w.field("ruleId", finding.rule->id);
      w.field("ruleIndex", indices.at(finding.rule->id));
      w.field("level", engine::level_name(finding.level));
      write_message(w, finding.message);
      w.key("locations");
      w.begin_array();
      w.begin_object();
      write_physical_location(w, file, index, finding.range);
      w.end_object();
      w.end_array();
      if (!finding.related.empty()) {
        w.key("relatedLocations");
        w.begin_array();
        for (std::size_t r = 0; r < finding.related.size(); ++r) {
          w.begin_object();
          w.field("id", r + 1);
          write_physical_location(w, file, index, finding.related[r].range);
          write_message(w, finding.related[r].message);
          w.end_object();
        }
        w.end_array();
      }
      w.key("partialFingerprints");
      w.begin_object();
      w.field(kFingerprintKey, prints[i]);
      w.end_object();
      if (!finding.access_analyzer_code.empty()) {
        w.key("properties");
        w.begin_object();
        w.field("accessAnalyzerIssueCode", finding.access_analyzer_code);
        w.end_object();
      }
      w.end_object();
    }
  }
  w.end_array();
}

// Unparsable files are results (IAM001) and also notifications, so a viewer of the run's health
// sees that those files were not analysed; so are findings left out past the per-file limit.
// Unreadable paths fail the run.
void write_invocation(JsonWriter& w, const LintRun& run) {
  w.key("invocations");
  w.begin_array();
  w.begin_object();
  w.key("executionSuccessful");
  w.boolean(run.errors.empty());
  bool any_incomplete = false;
  for (const engine::FileResult& file : run.files)
    any_incomplete |= file.syntax_error.has_value() || file.omitted_findings > 0;
  if (any_incomplete || !run.errors.empty()) {
    w.key("toolExecutionNotifications");
    w.begin_array();
    for (const Error& error : run.errors) {
      w.begin_object();
      w.field("level", "error");
      write_message(w, error.message);
      w.end_object();
    }
    for (const engine::FileResult& file : run.files) {
      if (!file.syntax_error) continue;
      source::LineIndex index(file.source.text);
      uint32_t offset = std::min<uint32_t>(file.syntax_error->offset,
                                           static_cast<uint32_t>(file.source.text.size()));
      w.begin_object();
      w.field("level", "warning");
      write_message(
          w, fmt::format("{} was not analysed: {}", file.source.path, file.syntax_error->message));
      w.key("locations");
      w.begin_array();
      w.begin_object();
      write_physical_location(w, file, index, {offset, offset});
      w.end_object();
      w.end_array();
      w.end_object();
    }
    for (const engine::FileResult& file : run.files) {
      if (file.omitted_findings == 0) continue;
      w.begin_object();
      w.field("level", "note");
      write_message(
          w, fmt::format("{}: {} more findings left out (at most {} per file)", file.source.path,
                         file.omitted_findings, engine::kMaxFindingsPerFile));
      w.end_object();
    }
    w.end_array();
  }
  w.end_object();
  w.end_array();
}

}  // namespace

std::string artifact_uri(std::string_view path) {
  if (path.starts_with('/')) return "file://" + percent_encode(path);
  while (path.starts_with("./")) path.remove_prefix(2);
  return percent_encode(path);
}

void write_sarif(const LintRun& run, const ToolInfo& tool, std::ostream& out) {
  JsonWriter w;
  w.begin_object();
  w.field("$schema", kSchema);
  w.field("version", "2.1.0");
  w.key("runs");
  w.begin_array();
  w.begin_object();

  w.key("tool");
  w.begin_object();
  w.key("driver");
  w.begin_object();
  w.field("name", "iamlint");
  w.field("version", tool.version);
  w.field("semanticVersion", tool.version);
  w.field("informationUri", tool.information_uri);
  w.key("rules");
  w.begin_array();
  for (const engine::Rule* rule : run.rules) write_rule(w, rule->info());
  w.end_array();
  w.end_object();
  w.end_object();

  w.key("originalUriBaseIds");
  w.begin_object();
  w.key(kSourceRoot);
  w.begin_object();
  w.key("description");
  w.begin_object();
  w.field("text",
          "The directory iamlint ran in; its absolute path is left out so that output is "
          "reproducible.");
  w.end_object();
  w.end_object();
  w.end_object();

  write_invocation(w, run);
  w.field("columnKind", "utf16CodeUnits");
  write_results(w, run);

  w.end_object();
  w.end_array();
  w.end_object();
  w.flush_to(out);
}

}  // namespace iamlint::report
