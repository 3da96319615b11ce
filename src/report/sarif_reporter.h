// SARIF 2.1.0 as GitHub code scanning and SARIF editors read it: results with relative URIs under
// %SRCROOT%, UTF-16 columns, content-based fingerprints and each matching Access Analyzer code as
// properties.accessAnalyzerIssueCode; the rules that have results, with their metadata; the run's
// health as notifications. No timestamps and no absolute paths, so equal input gives equal bytes.
//
// Streamed: results are written file by file as they come, rendered ahead on the linting threads.
// The rule list (each result's ruleIndex points into it, in order of first use: write() puts the
// numbers in) and the invocation come after the results, which JSON's free member order allows,
// so that nothing waits for the last file but what must.
#pragma once

#include <cstddef>
#include <map>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "report/json_writer.h"
#include "report/reporter.h"
#include "source/line_index.h"

namespace iamlint::report {

struct ToolInfo {
  std::string_view version;          // e.g. "0.1.0"
  std::string_view information_uri;  // the project's home page
};

class SarifReporter final : public Reporter {
 public:
  SarifReporter(const ToolInfo& tool, std::ostream& out);

  void begin() override;
  [[nodiscard]] FilePart render(const engine::FileResult& result) const override;
  void write(const engine::FileResult& result, const FilePart& part) override;
  void notes(std::span<const std::string> notes) override;
  void end(std::span<const Error> unreadable) override;

 private:
  // A toolExecutionNotification, kept for the invocation at the end.
  struct Notification {
    std::string_view level;
    std::string message;
    std::string uri;  // empty when the notification has no location
    source::Position start, end;
  };

  std::size_t rule_index(const engine::RuleInfo& rule);
  void write_tool();
  void write_invocation(std::span<const Error> unreadable);
  void write_notification(const Notification& notification);

  ToolInfo tool_;
  JsonWriter w_;
  std::vector<const engine::RuleInfo*> rules_;            // in order of first result
  std::map<std::string_view, std::size_t> rule_indices_;  // by id
  std::vector<JsonWriter::NumberAt> rule_numbers_;        // of the file being written
  std::vector<Notification> not_analysed_;  // files that could not be parsed or were too large
  std::vector<Notification> truncated_;     // files past the per-file finding limit
  std::vector<Notification> notes_;         // on the run as a whole
  // Suppression comments that are malformed (errors) or unused (warnings).
  std::vector<Notification> suppression_notices_;
};

// The pieces other SARIF writers (`iamlint guardrails`) share with this one, so that every SARIF
// iamlint writes has the same header and locations. begin_sarif_run opens the log, its run and
// the run's results array.
void begin_sarif_run(JsonWriter& w);
// A physical location for a byte range of a file, with the text as snippet when it is short.
void write_sarif_location(JsonWriter& w, std::string_view uri, const source::LineIndex& index,
                          std::string_view text, ByteRange range);
// Where a result inside a template or an export sits in the file's structure.
void write_sarif_logical_location(JsonWriter& w, std::string_view location);
void write_sarif_message(JsonWriter& w, std::string_view text);

// The SARIF artifact URI for a path as given: relative paths stay relative (with '/' and
// percent-encoding), absolute ones become file:// URIs.
[[nodiscard]] std::string artifact_uri(std::string_view path);

}  // namespace iamlint::report
