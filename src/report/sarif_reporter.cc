#include "report/sarif_reporter.h"

#include <fmt/core.h>

#include "engine/rule_docs.h"
#include "report/fingerprint.h"

namespace iamlint::report {
namespace {

using source::ColumnUnit;
using source::Position;

constexpr std::string_view kSchema = "https://json.schemastore.org/sarif-2.1.0.json";
constexpr std::string_view kSourceRoot = "%SRCROOT%";
// Past this a snippet would mostly repeat the file; viewers read it from the checkout instead.
constexpr uint32_t kMaxSnippetBytes = 512;
// The level of the results array in the document begin_sarif_run opens: log, runs, run, results.
constexpr std::size_t kResultsDepth = 4;

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

// A region as SARIF viewers show it: an empty range (the end of the input) still gets one column.
struct Region {
  Position start, end;
};

Region region_of(const source::LineIndex& index, ByteRange range) {
  const auto [start, end] = index.span(range.begin, range.end, ColumnUnit::kUtf16CodeUnits);
  Region region{start, end};
  if (region.start == region.end) ++region.end.column;
  return region;
}

// `snippet` is left out when empty.
void write_physical_location(JsonWriter& w, std::string_view uri, const Region& region,
                             std::string_view snippet) {
  w.key("physicalLocation");
  w.begin_object();
  w.key("artifactLocation");
  w.begin_object();
  w.field("uri", uri);
  if (!uri.starts_with("file:")) w.field("uriBaseId", kSourceRoot);
  w.end_object();
  w.key("region");
  w.begin_object();
  w.field("startLine", region.start.line);
  w.field("startColumn", region.start.column);
  w.field("endLine", region.end.line);
  w.field("endColumn", region.end.column);
  if (!snippet.empty()) {
    w.key("snippet");
    w.begin_object();
    w.field("text", snippet);
    w.end_object();
  }
  w.end_object();
  w.end_object();
}

// The physical location of a range of a file's text, with the text as snippet when it is short.
void write_range(JsonWriter& w, std::string_view uri, const source::LineIndex& index,
                 std::string_view text, ByteRange range) {
  std::string_view snippet =
      range.size() <= kMaxSnippetBytes ? text.substr(range.begin, range.size()) : "";
  write_physical_location(w, uri, region_of(index, range), snippet);
}

// Where a finding inside a template or an export sits in the file's structure.
void write_logical_location(JsonWriter& w, std::string_view location) {
  w.key("logicalLocations");
  w.begin_array();
  w.begin_object();
  w.field("fullyQualifiedName", location);
  w.end_object();
  w.end_array();
}

void write_message(JsonWriter& w, std::string_view text) {
  w.key("message");
  w.begin_object();
  w.field("text", text);
  w.end_object();
}

void write_rule(JsonWriter& w, const engine::RuleInfo& info) {
  std::string_view doc = info.page.empty() ? engine::rule_doc(info.name) : info.page;
  w.begin_object();
  w.field("id", info.id);
  w.field("name", info.name);
  w.key("shortDescription");
  w.begin_object();
  w.field("text", info.summary);
  w.end_object();
  w.key("fullDescription");
  w.begin_object();
  w.field("text", info.description.empty() ? engine::rule_description(info.name)
                                           : std::string(info.description));
  w.end_object();
  // The page is written once, as markdown (what code scanning and editors show); the text form
  // only points to it, so that a report stays small.
  w.key("help");
  w.begin_object();
  w.field("text", fmt::format("{}. The full page: iamlint explain {}", info.summary, info.id));
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
  // defaultConfiguration holds one level; the cases in which the rule reports another one.
  if (!info.other_levels.empty()) {
    w.key("otherLevels");
    w.begin_array();
    for (const engine::LevelCase& other : info.other_levels) {
      w.begin_object();
      w.field("level", engine::level_name(other.level));
      w.field("when", other.when);
      w.end_object();
    }
    w.end_array();
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

// What every result of one file shares.
struct FileContext {
  std::string_view uri;
  const source::LineIndex& index;
  std::string_view text;
};

// A fix as SARIF's artifactChanges (3.55-3.57): regions of the file as linted, in the run's
// UTF-16 columns (an empty region inserts), applied in array order.
void write_fix(JsonWriter& w, const engine::Fix& fix, const FileContext& file) {
  w.key("fixes");
  w.begin_array();
  w.begin_object();
  w.key("description");
  w.begin_object();
  w.field("text", fix.description);
  w.end_object();
  w.key("artifactChanges");
  w.begin_array();
  w.begin_object();
  w.key("artifactLocation");
  w.begin_object();
  w.field("uri", file.uri);
  if (!file.uri.starts_with("file:")) w.field("uriBaseId", kSourceRoot);
  w.end_object();
  w.key("replacements");
  w.begin_array();
  for (const engine::Edit& edit : fix.edits) {
    const auto [from, to] =
        file.index.span(edit.range.begin, edit.range.end, ColumnUnit::kUtf16CodeUnits);
    w.begin_object();
    w.key("deletedRegion");
    w.begin_object();
    w.field("startLine", from.line);
    w.field("startColumn", from.column);
    w.field("endLine", to.line);
    w.field("endColumn", to.column);
    w.end_object();
    // Without insertedContent, a replacement deletes its region (SARIF §3.57).
    if (!edit.replacement.empty()) {
      w.key("insertedContent");
      w.begin_object();
      w.field("text", edit.replacement);
      w.end_object();
    }
    w.end_object();
  }
  w.end_array();
  w.end_object();
  w.end_array();
  w.end_object();
  w.end_array();
}

// One result; a suppressed finding carries its suppression, which code scanning shows as
// dismissed and SARIF viewers as suppressed.
void write_result(JsonWriter& w, const engine::Finding& finding, const FileContext& file,
                  std::string_view fingerprint, std::vector<RuleNumberAt>& rule_numbers) {
  w.begin_object();
  w.field("ruleId", finding.rule->id);
  w.key("ruleIndex");
  rule_numbers.push_back({w.number_placeholder(), finding.rule});
  w.field("level", engine::level_name(finding.level));
  write_message(w, finding.message);
  w.key("locations");
  w.begin_array();
  w.begin_object();
  write_range(w, file.uri, file.index, file.text, finding.range);
  if (!finding.logical_location.empty()) write_logical_location(w, finding.logical_location);
  w.end_object();
  w.end_array();
  if (!finding.related.empty()) {
    w.key("relatedLocations");
    w.begin_array();
    for (std::size_t r = 0; r < finding.related.size(); ++r) {
      w.begin_object();
      w.field("id", r + 1);
      write_range(w, file.uri, file.index, file.text, finding.related[r].range);
      write_message(w, finding.related[r].message);
      w.end_object();
    }
    w.end_array();
  }
  w.key("partialFingerprints");
  w.begin_object();
  w.field(kFingerprintKey, fingerprint);
  w.end_object();
  if (finding.fix) write_fix(w, *finding.fix, file);
  if (!finding.suppression_reason.empty()) {
    w.key("suppressions");
    w.begin_array();
    w.begin_object();
    w.field("kind", finding.suppressed_in_source ? "inSource" : "external");
    w.field("status", "accepted");
    w.field("justification", finding.suppression_reason);
    w.end_object();
    w.end_array();
  }
  if (!finding.access_analyzer_code.empty()) {
    w.key("properties");
    w.begin_object();
    w.field("accessAnalyzerIssueCode", finding.access_analyzer_code);
    w.end_object();
  }
  w.end_object();
}

}  // namespace

std::string artifact_uri(std::string_view path) {
  if (path.starts_with('/')) return "file://" + percent_encode(path);
  while (path.starts_with("./")) path.remove_prefix(2);
  return percent_encode(path);
}

SarifReporter::SarifReporter(const ToolInfo& tool, std::ostream& out) : tool_(tool), w_(out) {}

void begin_sarif_run(JsonWriter& w) {
  w.begin_object();
  w.field("$schema", kSchema);
  w.field("version", "2.1.0");
  w.key("runs");
  w.begin_array();
  w.begin_object();
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
  w.field("columnKind", "utf16CodeUnits");
  w.key("results");
  w.begin_array();
}

void write_sarif_location(JsonWriter& w, std::string_view uri, const source::LineIndex& index,
                          std::string_view text, ByteRange range) {
  write_range(w, uri, index, text, range);
}

void write_sarif_logical_location(JsonWriter& w, std::string_view location) {
  write_logical_location(w, location);
}

void write_sarif_message(JsonWriter& w, std::string_view text) {
  write_message(w, text);
}

void SarifReporter::begin() {
  begin_sarif_run(w_);
}

std::size_t SarifReporter::rule_index(const engine::RuleInfo& rule) {
  auto [at, added] = rule_indices_.try_emplace(rule.id, rules_.size());
  if (added) rules_.push_back(&rule);
  return at->second;
}

FilePart SarifReporter::render(const engine::FileResult& result) const {
  if (result.findings.empty() && result.suppressed.empty()) return {};
  const std::string& text = result.source.text;
  const std::string uri = artifact_uri(result.source.path);
  const source::LineIndex index(text);
  const FileContext context{uri, index, text};
  std::vector<std::string> prints = fingerprints(result);
  JsonWriter w(JsonWriter::ArrayAt{kResultsDepth});
  FilePart part;
  for (std::size_t i = 0; i < result.findings.size(); ++i)
    write_result(w, result.findings[i], context, prints[i], part.rule_numbers);
  for (std::size_t i = 0; i < result.suppressed.size(); ++i) {
    write_result(w, result.suppressed[i], context, prints[result.findings.size() + i],
                 part.rule_numbers);
  }
  part.elements = w.elements();
  part.text = w.take();
  return part;
}

void SarifReporter::write(const engine::FileResult& result, const FilePart& part) {
  rule_numbers_.clear();
  for (const RuleNumberAt& at : part.rule_numbers)
    rule_numbers_.push_back({at.offset, rule_index(*at.rule)});
  w_.append(part.text, part.elements, rule_numbers_);

  // Unparsable files are results (IAM001) and also notifications, so that a viewer of the run's
  // health sees that they were not analysed; so are findings left out past the per-file limit.
  if (result.omitted_findings > 0) {
    truncated_.push_back(
        {.level = "note",
         .message =
             fmt::format("{}: {} more findings left out (at most {} per file)", result.source.path,
                         result.omitted_findings, engine::kMaxFindingsPerFile)});
  }
  if (!result.syntax_error && result.suppression_notices.empty()) return;
  // Few files have these: their lines are counted again rather than sent along with every part.
  const std::string& text = result.source.text;
  const std::string uri = artifact_uri(result.source.path);
  const source::LineIndex index(text);
  if (result.syntax_error) {
    const auto offset =
        static_cast<uint32_t>(std::min<std::size_t>(result.syntax_error->offset, text.size()));
    const Region region = region_of(index, {offset, offset});
    not_analysed_.push_back({.level = "warning",
                             .message = fmt::format("{} was not analysed: {}", result.source.path,
                                                    result.syntax_error->message),
                             .uri = uri,
                             .start = region.start,
                             .end = region.end});
  }
  for (const engine::SuppressionNotice& notice : result.suppression_notices) {
    const Region region = region_of(index, notice.range);
    suppression_notices_.push_back({.level = notice.error ? "error" : "warning",
                                    .message = notice.message,
                                    .uri = uri,
                                    .start = region.start,
                                    .end = region.end});
  }
}

void SarifReporter::notes(std::span<const std::string> notes) {
  for (const std::string& note : notes) notes_.push_back({.level = "note", .message = note});
}

void SarifReporter::end(std::span<const Error> unreadable) {
  w_.end_array();  // results
  write_tool();
  write_invocation(unreadable);
  w_.end_object();
  w_.end_array();
  w_.end_object();
  w_.finish();
}

void SarifReporter::write_tool() {
  w_.key("tool");
  w_.begin_object();
  w_.key("driver");
  w_.begin_object();
  w_.field("name", "iamlint");
  w_.field("version", tool_.version);
  w_.field("semanticVersion", tool_.version);
  w_.field("informationUri", tool_.information_uri);
  w_.key("rules");
  w_.begin_array();
  for (const engine::RuleInfo* rule : rules_) write_rule(w_, *rule);
  w_.end_array();
  w_.end_object();
  w_.end_object();
}

void SarifReporter::write_notification(const Notification& notification) {
  w_.begin_object();
  w_.field("level", notification.level);
  write_message(w_, notification.message);
  if (!notification.uri.empty()) {
    w_.key("locations");
    w_.begin_array();
    w_.begin_object();
    write_physical_location(w_, notification.uri, {notification.start, notification.end}, "");
    w_.end_object();
    w_.end_array();
  }
  w_.end_object();
}

// Unreadable paths fail the run; they come first among the notifications.
void SarifReporter::write_invocation(std::span<const Error> unreadable) {
  w_.key("invocations");
  w_.begin_array();
  w_.begin_object();
  w_.key("executionSuccessful");
  w_.boolean(unreadable.empty());
  if (!unreadable.empty() || !not_analysed_.empty() || !truncated_.empty() || !notes_.empty() ||
      !suppression_notices_.empty()) {
    w_.key("toolExecutionNotifications");
    w_.begin_array();
    for (const Error& error : unreadable) {
      w_.begin_object();
      w_.field("level", "error");
      write_message(w_, error.message);
      w_.end_object();
    }
    for (const Notification& notification : not_analysed_) write_notification(notification);
    for (const Notification& notification : truncated_) write_notification(notification);
    for (const Notification& notification : notes_) write_notification(notification);
    for (const Notification& notification : suppression_notices_) write_notification(notification);
    w_.end_array();
  }
  w_.end_object();
  w_.end_array();
}

}  // namespace iamlint::report
