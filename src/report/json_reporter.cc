#include "report/json_reporter.h"

#include "source/line_index.h"

namespace iamlint::report {

void JsonArrayReporter::begin() {
  w_.begin_array();
}

void JsonArrayReporter::write(const engine::FileResult& /*result*/, const FilePart& part) {
  w_.append(part.text, part.elements, {});
}

void JsonArrayReporter::end(std::span<const Error> /*unreadable*/) {
  w_.end_array();
  w_.finish();
}

FilePart JsonArrayReporter::part_of(JsonWriter& elements) {
  FilePart part{.elements = elements.elements()};
  part.text = elements.take();
  return part;
}

FilePart JsonReporter::render(const engine::FileResult& result) const {
  if (result.findings.empty()) return {};
  JsonWriter w(JsonWriter::ArrayAt{1});
  source::LineIndex index(result.source.text);
  for (const engine::Finding& finding : result.findings) {
    const auto [start, end] =
        index.span(finding.range.begin, finding.range.end, source::ColumnUnit::kCodePoints);
    w.begin_object();
    w.field("path", result.source.path);
    w.field("line", start.line);
    w.field("column", start.column);
    w.field("end_line", end.line);
    w.field("end_column", end.column);
    w.field("rule_id", finding.rule->id);
    w.field("rule_name", finding.rule->name);
    w.field("level", engine::level_name(finding.level));
    w.field("message", finding.message);
    w.key("access_analyzer_code");
    if (finding.access_analyzer_code.empty()) {
      w.null();
    } else {
      w.string(finding.access_analyzer_code);
    }
    w.key("fix");
    if (!finding.fix) {
      w.null();
    } else {
      w.begin_object();
      w.field("description", finding.fix->description);
      w.field("applicability", finding.fix->safe ? "safe" : "unsafe");
      w.key("edits");
      w.begin_array();
      for (const engine::Edit& edit : finding.fix->edits) {
        const auto [from, to] =
            index.span(edit.range.begin, edit.range.end, source::ColumnUnit::kCodePoints);
        w.begin_object();
        w.field("line", from.line);
        w.field("column", from.column);
        w.field("end_line", to.line);
        w.field("end_column", to.column);
        w.field("text", edit.replacement);
        w.end_object();
      }
      w.end_array();
      w.end_object();
    }
    w.key("logical_location");
    if (finding.logical_location.empty()) {
      w.null();
    } else {
      w.string(finding.logical_location);
    }
    w.end_object();
  }
  return part_of(w);
}

}  // namespace iamlint::report
