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

#include "report/lint_run.h"

namespace iamlint::report {

struct TextStyle {
  bool color = false;
  unsigned jobs = 1;  // threads that render files (0: one per core); the bytes do not depend on it
};

void write_text(const LintRun& run, const TextStyle& style, std::ostream& out);

// "3 problems (1 error, 2 warnings) in 2 files (5 files checked)." or
// "No problems (5 files checked, 1 skipped as not policies)."
void write_summary(const LintRun& run, const TextStyle& style, std::ostream& out);

}  // namespace iamlint::report
