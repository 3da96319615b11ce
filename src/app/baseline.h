// --baseline FILE: findings an earlier SARIF report of iamlint already holds are left out, so a
// repository can adopt iamlint (or a new rule) and fail only on problems that are new.
//
// A finding matches a recorded result with the same rule and content fingerprint
// (report/fingerprint.h): the path within the repository, the statement and the text the finding
// covers. Moving lines, inserting statements, or naming the files another way on the command line
// (`iamlint .` for the baseline, a hook's `policies/x.json` later) keeps it matched.
#pragma once

#include <set>
#include <string>

#include "engine/linter.h"
#include "support/result.h"

namespace iamlint::app {

struct Baseline {
  std::set<std::string> known;  // "ruleId\tfingerprint"
};

[[nodiscard]] Result<Baseline> load_baseline(const std::string& path);

// Removes the known findings from `file` and counts them in file.baselined.
void apply_baseline(const Baseline& baseline, engine::FileResult& file);

}  // namespace iamlint::app
