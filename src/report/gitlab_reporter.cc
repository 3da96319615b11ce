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

FilePart GitlabReporter::render(const engine::FileResult& result) const {
  if (result.findings.empty()) return {};
  JsonWriter w(JsonWriter::ArrayAt{1});
  const source::LineIndex index(result.source.text);
  const std::vector<std::string> prints = fingerprints(result);
  const std::string& path =
      result.repository_path.empty() ? result.source.path : result.repository_path;
  for (std::size_t i = 0; i < result.findings.size(); ++i) {
    const engine::Finding& finding = result.findings[i];
    w.begin_object();
    w.field("description",
            fmt::format("{} {}: {}", finding.rule->id, finding.rule->name, finding.message));
    w.field("check_name", finding.rule->id);
    w.field("fingerprint", prints[i]);
    w.field("severity", severity(finding));
    w.key("location");
    w.begin_object();
    w.field("path", path);
    w.key("lines");
    w.begin_object();
    w.field("begin", index.position(finding.range.begin, source::ColumnUnit::kCodePoints).line);
    w.field("end", index.position(finding.range.end, source::ColumnUnit::kCodePoints).line);
    w.end_object();
    w.end_object();
    w.end_object();
  }
  return part_of(w);
}

}  // namespace iamlint::report
