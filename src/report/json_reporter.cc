#include "report/json_reporter.h"

#include "source/line_index.h"

namespace iamlint::report {

void JsonReporter::begin() {
  w_.begin_array();
}

void JsonReporter::file(const engine::FileResult& result) {
  if (result.findings.empty()) return;
  source::LineIndex index(result.source.text);
  for (const engine::Finding& finding : result.findings) {
    const auto [start, end] =
        index.span(finding.range.begin, finding.range.end, source::ColumnUnit::kCodePoints);
    w_.begin_object();
    w_.field("path", result.source.path);
    w_.field("line", start.line);
    w_.field("column", start.column);
    w_.field("end_line", end.line);
    w_.field("end_column", end.column);
    w_.field("rule_id", finding.rule->id);
    w_.field("rule_name", finding.rule->name);
    w_.field("level", engine::level_name(finding.level));
    w_.field("message", finding.message);
    w_.key("access_analyzer_code");
    if (finding.access_analyzer_code.empty()) {
      w_.null();
    } else {
      w_.string(finding.access_analyzer_code);
    }
    w_.key("fix");
    if (!finding.fix) {
      w_.null();
    } else {
      w_.begin_object();
      w_.field("description", finding.fix->description);
      w_.field("applicability", finding.fix->safe ? "safe" : "unsafe");
      w_.key("edits");
      w_.begin_array();
      for (const engine::Edit& edit : finding.fix->edits) {
        const auto [from, to] =
            index.span(edit.range.begin, edit.range.end, source::ColumnUnit::kCodePoints);
        w_.begin_object();
        w_.field("line", from.line);
        w_.field("column", from.column);
        w_.field("end_line", to.line);
        w_.field("end_column", to.column);
        w_.field("text", edit.replacement);
        w_.end_object();
      }
      w_.end_array();
      w_.end_object();
    }
    w_.key("logical_location");
    if (finding.logical_location.empty()) {
      w_.null();
    } else {
      w_.string(finding.logical_location);
    }
    w_.end_object();
  }
  w_.flush();
}

void JsonReporter::end(std::span<const Error> /*unreadable*/) {
  w_.end_array();
  w_.finish();
}

}  // namespace iamlint::report
