#include "report/text_reporter.h"

#include <algorithm>
#include <iterator>
#include <string>
#include <vector>

#include <fmt/core.h>

#include "source/line_index.h"
#include "support/text.h"

namespace iamlint::report {
namespace {

using source::ColumnUnit;

// Minified policies put everything on one line; show a window of it around the finding.
constexpr uint32_t kMaxShownColumns = 120;
constexpr uint32_t kColumnsBeforeFinding = 40;

struct Palette {
  std::string_view bold, error, warning, note, accent, reset;
};

Palette palette(const TextStyle& style) {
  if (!style.color) return {};
  return {"\x1b[1m", "\x1b[1;31m", "\x1b[1;33m", "\x1b[1;36m", "\x1b[1;34m", "\x1b[0m"};
}

std::string_view level_color(const Palette& colors, engine::Level level) {
  switch (level) {
    case engine::Level::kError:
      return colors.error;
    case engine::Level::kWarning:
      return colors.warning;
    case engine::Level::kNote:
      return colors.note;
  }
  return colors.reset;
}

// How many characters the terminal shows for one character of the source: its escape's length
// when to_terminal_text escapes it, else 1.
std::size_t shown_width(std::string_view character) {
  if (character.size() == 1 && character[0] >= 0x20 && character[0] < 0x7F) return 1;
  std::string shown = to_terminal_text(character);
  return static_cast<std::size_t>(std::count_if(shown.begin(), shown.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;  // not a continuation byte
  }));
}

// The source line of the finding with a caret underline of its range (to the line's end when
// the range continues on later lines). Costs a bounded amount per finding however long the line,
// as a minified policy with many findings is one long line.
void write_snippet(const source::LineIndex& index, const engine::Finding& finding,
                   const Palette& colors, std::string& out) {
  const auto [start, end] =
      index.span(finding.range.begin, finding.range.end, ColumnUnit::kCodePoints);
  std::string_view line = index.line_text(start.line);
  const uint32_t line_start = index.line_start(start.line);
  const auto line_end = static_cast<uint32_t>(line_start + line.size());
  uint32_t columns = index.position(line_end, ColumnUnit::kCodePoints).column - 1;

  uint32_t first = start.column - 1;  // 0-based column
  uint32_t last = end.line == start.line ? end.column - 1 : columns;
  first = std::min(first, columns);
  last = std::clamp(last, first + 1, std::max(columns, first + 1));

  uint32_t window_begin = 0;
  uint32_t window_end = columns;
  if (columns > kMaxShownColumns) {
    window_begin = first > kColumnsBeforeFinding ? first - kColumnsBeforeFinding : 0;
    window_end = std::min(columns, window_begin + kMaxShownColumns);
  }
  // Byte offsets in `line` of 0-based columns.
  // The line is captured by value: clang 14 cannot capture a structured binding.
  const auto byte_of = [&, line_number = start.line](uint32_t column) {
    return index.column_offset(line_number, column + 1) - line_start;
  };
  const uint32_t shown_begin = byte_of(window_begin);
  std::string_view shown = line.substr(shown_begin, byte_of(window_end) - shown_begin);
  std::string_view lead = window_begin > 0 ? "..." : "";
  std::string_view trail = window_end < columns ? "..." : "";

  // Spaces under the text before the range, keeping tabs so the carets line up, and carets under
  // the range; a character shown as an escape is as wide as its escape.
  std::string pad(lead.size(), ' ');
  std::size_t carets = 0;
  const uint32_t underlined_end = std::min(last, window_end + 1);
  for (uint32_t column = window_begin, i = shown_begin; column < underlined_end; ++column) {
    // Past the line's end (a range at the end of the line) each column is one caret.
    uint32_t size = i < line.size() ? source::character_size(line, i) : 0;
    std::string_view character = line.substr(std::min<std::size_t>(i, line.size()), size);
    std::size_t width = size == 0 ? 1 : shown_width(character);
    if (column >= first) {
      carets += width;
    } else if (character == "\t") {
      pad += '\t';
    } else {
      pad.append(width, ' ');
    }
    i += size;
  }

  std::string gutter(std::to_string(start.line).size(), ' ');
  fmt::format_to(std::back_inserter(out), "{} {}|{}\n", gutter, colors.accent, colors.reset);
  fmt::format_to(std::back_inserter(out), "{}{} |{} {}{}{}\n", colors.accent, start.line,
                 colors.reset, lead, to_terminal_text(shown), trail);
  fmt::format_to(std::back_inserter(out), "{} {}|{} {}{}{}{}\n", gutter, colors.accent,
                 colors.reset, pad, level_color(colors, finding.level), std::string(carets, '^'),
                 colors.reset);
}

void write_finding(const engine::FileResult& file, const source::LineIndex& index,
                   const engine::Finding& finding, const Palette& colors, std::string& out) {
  source::Position start = index.position(finding.range.begin, ColumnUnit::kCodePoints);
  fmt::format_to(std::back_inserter(out), "{}{}:{}:{}:{} {}{}:{} {} [{} {}]\n", colors.bold,
                 to_terminal_text(file.source.path), start.line, start.column, colors.reset,
                 level_color(colors, finding.level), engine::level_name(finding.level),
                 colors.reset, to_terminal_text(finding.message), finding.rule->id,
                 finding.rule->name);
  write_snippet(index, finding, colors, out);
  for (const engine::RelatedLocation& related : finding.related) {
    source::Position at = index.position(related.range.begin, ColumnUnit::kCodePoints);
    fmt::format_to(std::back_inserter(out), "  = note: {}:{}: {}\n", at.line, at.column,
                   to_terminal_text(related.message));
  }
  if (finding.fix) {
    fmt::format_to(std::back_inserter(out), "  = fix{}: {}\n", finding.fix->safe ? "" : " (unsafe)",
                   to_terminal_text(finding.fix->description));
  }
  if (!finding.logical_location.empty()) {
    // A principal's finding (engine/principal_set.h) is in no one policy.
    const std::string_view container =
        finding.policy ? std::string_view(file.policies[*finding.policy].container) : "";
    fmt::format_to(std::back_inserter(out), "  = in: {}{}\n",
                   to_terminal_text(finding.logical_location),
                   container.empty() ? "" : fmt::format(" ({})", to_terminal_text(container)));
  }
}

std::string plural(std::size_t n, std::string_view word) {
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

}  // namespace

FilePart TextReporter::render(const engine::FileResult& result) const {
  if (result.findings.empty()) return {};
  Palette colors = palette(style_);
  source::LineIndex index(result.source.text);
  std::string text;
  for (const engine::Finding& finding : result.findings) {
    write_finding(result, index, finding, colors, text);
    text += '\n';
  }
  return {.text = {std::move(text)}};
}

void TextReporter::write(const engine::FileResult& /*result*/, const FilePart& part) {
  write_text(part, out_);
}

void write_summary(const Totals& totals, const TextStyle& style, std::ostream& out) {
  Palette colors = palette(style);
  std::size_t problems = totals.errors + totals.warnings + totals.notes;
  std::string checked = plural(totals.files - totals.skipped, "file") + " checked";
  if (totals.skipped > 0) checked += fmt::format(", {} skipped as not policies", totals.skipped);
  if (totals.excluded > 0)
    checked += fmt::format(", {} excluded by configuration", totals.excluded);
  if (totals.suppressed > 0) {
    checked += fmt::format(", {} suppressed", plural(totals.suppressed, "finding"));
  }
  if (totals.baselined > 0) {
    checked += fmt::format(", {} known from the baseline", plural(totals.baselined, "finding"));
  }
  std::string fixes;
  if (totals.fixed > 0) fixes += fmt::format(" {} fixed.", plural(totals.fixed, "finding"));
  if (totals.fixable > 0) fixes += fmt::format(" {} fixable with --fix.", totals.fixable);
  if (problems == 0) {
    out << fmt::format("{}No problems{} ({}).{}\n", colors.bold, colors.reset, checked, fixes);
    return;
  }
  std::vector<std::string> parts;
  if (totals.errors) parts.push_back(plural(totals.errors, "error"));
  if (totals.warnings) parts.push_back(plural(totals.warnings, "warning"));
  if (totals.notes) parts.push_back(plural(totals.notes, "note"));
  std::string breakdown;
  for (const std::string& part : parts) breakdown += (breakdown.empty() ? "" : ", ") + part;
  out << fmt::format("{}{}{} ({}) in {} ({}).{}\n", colors.bold, plural(problems, "problem"),
                     colors.reset, breakdown, plural(totals.files_with_findings, "file"), checked,
                     fixes);
}

}  // namespace iamlint::report
