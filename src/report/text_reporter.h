// The human format, as compilers print it:
//
//   policies/admin.json:4:17: warning: Action "*" allows every action ... [IAM201 wildcard-action]
//      |
//    4 |       "Action": "*",
//      |                 ^^^
//
// The first line of each finding is stable and machine-readable; columns count characters.
#pragma once

#include <ostream>

#include "report/reporter.h"
#include "report/totals.h"

namespace iamlint::report {

struct TextStyle {
  bool color = false;
};

class TextReporter final : public Reporter {
 public:
  TextReporter(const TextStyle& style, std::ostream& out) : style_(style), out_(out) {}

  [[nodiscard]] FilePart render(const engine::FileResult& result) const override;
  void write(const engine::FileResult& result, const FilePart& part) override;

 private:
  TextStyle style_;
  std::ostream& out_;
};

// "3 problems (1 error, 2 warnings) in 2 files (5 files checked)." or
// "No problems (5 files checked, 1 skipped as not policies)."
void write_summary(const Totals& totals, const TextStyle& style, std::ostream& out);

}  // namespace iamlint::report
