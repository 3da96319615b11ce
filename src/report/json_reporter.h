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

class JsonReporter final : public Reporter {
 public:
  explicit JsonReporter(std::ostream& out) : w_(out) {}

  void begin() override;
  void file(const engine::FileResult& result) override;
  void end(std::span<const Error> unreadable) override;

 private:
  JsonWriter w_;
};

}  // namespace iamlint::report
