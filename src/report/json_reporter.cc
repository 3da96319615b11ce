#include "report/json_reporter.h"

#include "report/json_writer.h"
#include "source/line_index.h"

namespace iamlint::report {

void write_json(const LintRun& run, std::ostream& out) {
  JsonWriter w;
  w.begin_array();
  for (const engine::FileResult& file : run.files) {
    if (file.findings.empty()) continue;
    source::LineIndex index(file.source.text);
    for (const engine::Finding& finding : file.findings) {
      source::Position start = index.position(finding.range.begin, source::ColumnUnit::kCodePoints);
      source::Position end = index.position(finding.range.end, source::ColumnUnit::kCodePoints);
      w.begin_object();
      w.field("path", file.source.path);
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
      w.end_object();
    }
  }
  w.end_array();
  w.flush_to(out);
}

}  // namespace iamlint::report
