// Everything a reporter needs: the findings of every file, the rules that were enabled, and the
// operational errors (unreadable paths) of one run. Reporters are pure functions of it.
#pragma once

#include <span>
#include <vector>

#include "engine/linter.h"
#include "support/result.h"

namespace iamlint::report {

struct LintRun {
  std::vector<engine::FileResult> files;       // sorted by path
  std::span<const engine::Rule* const> rules;  // enabled, sorted by id
  std::vector<Error> errors;                   // paths that could not be read
  std::size_t baselined = 0;                   // findings left out because --baseline knows them
};

struct Totals {
  std::size_t errors = 0;
  std::size_t warnings = 0;
  std::size_t notes = 0;
  std::size_t files_with_findings = 0;
};

[[nodiscard]] Totals count(const LintRun& run);

}  // namespace iamlint::report
