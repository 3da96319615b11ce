// GitLab's Code Quality report (artifacts:reports:codequality), which the merge request widget
// shows: a JSON array with one issue per finding.
//
//   [{"description": "IAM201 wildcard-action: Action \"*\" ...", "check_name": "IAM201",
//     "fingerprint": "5f2b1c0e9a7d3e11:1", "severity": "minor",
//     "location": {"path": "policies/admin.json", "lines": {"begin": 4, "end": 4}}}]
//
// Severities: note -> info, warning -> minor, error -> major, and critical for findings of rules
// with a security-severity of 9.0 or more. Fingerprints are the SARIF content fingerprints, unique
// per finding (GitLab merges issues that share one). Paths are relative to the repository root,
// as GitLab resolves them.
#pragma once

#include <ostream>

#include "report/json_reporter.h"

namespace iamlint::report {

class GitlabReporter final : public JsonArrayReporter {
 public:
  using JsonArrayReporter::JsonArrayReporter;

  [[nodiscard]] FilePart render(const engine::FileResult& result) const override;
};

}  // namespace iamlint::report
