// --baseline FILE: findings an earlier SARIF report of iamlint already holds are left out, so a
// repository can adopt iamlint (or a new rule) and fail only on problems that are new.
//
// A finding matches a recorded result with the same rule, artifact URI and content fingerprint
// (report/fingerprint.h), so edits elsewhere in a file do not revive it; the paths given must be
// the same as when the baseline was written.
#pragma once

#include <set>
#include <string>

#include "engine/linter.h"
#include "support/result.h"

namespace iamlint::app {

struct Baseline {
  std::set<std::string> known;  // "ruleId\turi\tfingerprint"
};

[[nodiscard]] Result<Baseline> load_baseline(const std::string& path);

// Removes the known findings from `file` and counts them in file.baselined.
void apply_baseline(const Baseline& baseline, engine::FileResult& file);

}  // namespace iamlint::app
