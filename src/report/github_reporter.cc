#include "report/github_reporter.h"

#include <iterator>
#include <string>
#include <string_view>

#include <fmt/core.h>

#include "source/line_index.h"
#include "support/text.h"

namespace iamlint::report {
namespace {

// The escapes of GitHub's toolkit: '%' first, then line breaks; property values also escape ':'
// and ','. Control characters are made visible, as in the text format.
std::string escape(std::string_view text, bool property) {
  std::string out;
  for (char c : to_terminal_text(text)) {
    switch (c) {
      case '%':
        out += "%25";
        break;
      case '\r':
        out += "%0D";
        break;
      case '\n':
        out += "%0A";
        break;
      case ':':
        out += property ? "%3A" : ":";
        break;
      case ',':
        out += property ? "%2C" : ",";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string_view command(engine::Level level) {
  switch (level) {
    case engine::Level::kError:
      return "error";
    case engine::Level::kWarning:
      return "warning";
    case engine::Level::kNote:
      return "notice";
  }
  return "warning";
}

}  // namespace

FilePart GithubReporter::render(const engine::FileResult& result) const {
  if (result.findings.empty()) return {};
  source::LineIndex index(result.source.text);
  const std::string path = escape(result.source.path, true);
  std::string text;
  for (const engine::Finding& finding : result.findings) {
    const auto [start, end] =
        index.span(finding.range.begin, finding.range.end, source::ColumnUnit::kCodePoints);
    std::string title = fmt::format("{} {}", finding.rule->id, finding.rule->name);
    fmt::format_to(std::back_inserter(text),
                   "::{} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
                   command(finding.level), path, start.line, start.column, end.line, end.column,
                   escape(title, true), escape(finding.message, false));
  }
  return {.text = {std::move(text)}};
}

}  // namespace iamlint::report
