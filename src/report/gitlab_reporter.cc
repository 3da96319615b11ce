#include "report/gitlab_reporter.h"

#include <charconv>

#include <fmt/core.h>

#include "report/fingerprint.h"
#include "source/line_index.h"

namespace iamlint::report {
namespace {

constexpr double kCriticalSecurityScore = 9.0;

std::string_view severity(const engine::Finding& finding) {
  switch (finding.level) {
    case engine::Level::kError: {
      std::string_view score = finding.rule->security_severity;
      double value = 0;
      std::from_chars(score.data(), score.data() + score.size(), value);
      return value >= kCriticalSecurityScore ? "critical" : "major";
    }
    case engine::Level::kWarning:
      return "minor";
    case engine::Level::kNote:
      return "info";
  }
  return "minor";
}

}  // namespace

void GitlabReporter::begin() {
  w_.begin_array();
}

void GitlabReporter::file(const engine::FileResult& result) {
  if (result.findings.empty()) return;
  const source::LineIndex index(result.source.text);
  const std::vector<std::string> prints = fingerprints(result);
  const std::string& path =
      result.repository_path.empty() ? result.source.path : result.repository_path;
  for (std::size_t i = 0; i < result.findings.size(); ++i) {
    const engine::Finding& finding = result.findings[i];
    w_.begin_object();
    w_.field("description",
             fmt::format("{} {}: {}", finding.rule->id, finding.rule->name, finding.message));
    w_.field("check_name", finding.rule->id);
    w_.field("fingerprint", prints[i]);
    w_.field("severity", severity(finding));
    w_.key("location");
    w_.begin_object();
    w_.field("path", path);
    w_.key("lines");
    w_.begin_object();
    w_.field("begin", index.position(finding.range.begin, source::ColumnUnit::kCodePoints).line);
    w_.field("end", index.position(finding.range.end, source::ColumnUnit::kCodePoints).line);
    w_.end_object();
    w_.end_object();
    w_.end_object();
  }
  w_.flush();
}

void GitlabReporter::end(std::span<const Error> /*unreadable*/) {
  w_.end_array();
  w_.finish();
}

}  // namespace iamlint::report
