// The native JSON format: an array of findings, one object each, sorted by path, line, column
// and rule. Lines and columns are 1-based and count characters (code points); end_column is one
// past the last character.
//
//   [{"path": "p.json", "line": 4, "column": 17, "end_line": 4, "end_column": 20,
//     "rule_id": "IAM201", "rule_name": "wildcard-action", "level": "warning",
//     "message": "...", "access_analyzer_code": null, "fix": null}]
//
// `fix`, when there is one: {"description", "applicability": "safe" or "unsafe", "edits":
// [{"line", "column", "end_line", "end_column", "text"}]} (replace the range with the text).
#pragma once

#include <ostream>

#include "report/json_writer.h"
#include "report/reporter.h"

namespace iamlint::report {

// A report that is one JSON array of findings, as this format and GitLab's are: render() writes
// a file's elements with a JsonWriter(ArrayAt{1}) and hands them over with part_of().
class JsonArrayReporter : public Reporter {
 public:
  explicit JsonArrayReporter(std::ostream& out) : w_(out) {}

  void begin() override;
  void write(const engine::FileResult& result, const FilePart& part) override;
  void end(std::span<const Error> unreadable) override;

 protected:
  [[nodiscard]] static FilePart part_of(JsonWriter& elements);

 private:
  JsonWriter w_;
};

class JsonReporter final : public JsonArrayReporter {
 public:
  using JsonArrayReporter::JsonArrayReporter;

  [[nodiscard]] FilePart render(const engine::FileResult& result) const override;
};

}  // namespace iamlint::report
