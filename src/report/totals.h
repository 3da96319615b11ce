// What a run found, counted file by file as the report streams: the text summary and the exit
// status are computed from it, without keeping the findings.
#pragma once

#include <cstddef>
#include <optional>

#include "engine/linter.h"

namespace iamlint::report {

struct Totals {
  std::size_t errors = 0;
  std::size_t warnings = 0;
  std::size_t notes = 0;
  std::size_t files = 0;  // linted, skipped ones included
  std::size_t files_with_findings = 0;
  std::size_t skipped = 0;                   // left alone under --skip-non-policy
  std::size_t excluded = 0;                  // not linted: a configuration's `exclude` matches
  std::size_t fixed = 0;                     // findings fixed by --fix (or --diff)
  std::size_t fixable = 0;                   // findings reported with a fix
  std::size_t suppressed = 0;                // findings a suppression accepts
  std::size_t baselined = 0;                 // findings left out because --baseline knows them
  std::optional<engine::Level> most_severe;  // of every finding, omitted ones included

  void add(const engine::FileResult& file);
};

}  // namespace iamlint::report
