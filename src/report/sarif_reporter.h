// SARIF 2.1.0 as GitHub code scanning and SARIF editors read it: every enabled rule with its
// metadata, results with relative URIs under %SRCROOT%, UTF-16 columns, content-based
// fingerprints, and each matching Access Analyzer code as properties.accessAnalyzerIssueCode.
// No timestamps and no absolute paths, so equal input gives equal bytes.
#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "report/lint_run.h"

namespace iamlint::report {

struct ToolInfo {
  std::string_view version;          // e.g. "0.1.0"
  std::string_view information_uri;  // the project's home page
};

void write_sarif(const LintRun& run, const ToolInfo& tool, std::ostream& out);

// The SARIF artifact URI for a path as given: relative paths stay relative (with '/' and
// percent-encoding), absolute ones become file:// URIs.
[[nodiscard]] std::string artifact_uri(std::string_view path);

}  // namespace iamlint::report
