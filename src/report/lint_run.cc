#include "report/lint_run.h"

namespace iamlint::report {

Totals count(const LintRun& run) {
  Totals totals;
  for (const engine::FileResult& file : run.files) {
    if (!file.findings.empty()) ++totals.files_with_findings;
    for (const engine::Finding& finding : file.findings) {
      switch (finding.level) {
        case engine::Level::kError:
          ++totals.errors;
          break;
        case engine::Level::kWarning:
          ++totals.warnings;
          break;
        case engine::Level::kNote:
          ++totals.notes;
          break;
      }
    }
  }
  return totals;
}

}  // namespace iamlint::report
