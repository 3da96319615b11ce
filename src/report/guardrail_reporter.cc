#include "report/guardrail_reporter.h"

#include <algorithm>
#include <array>
#include <vector>

#include <fmt/core.h>

#include "report/json_writer.h"
#include "source/line_index.h"
#include "support/hash.h"
#include "support/text.h"

namespace iamlint::report {
namespace {

using analysis::ControlGap;
using analysis::ControlStatus;
using analysis::ControlVerdict;

// Where a gap is: its file and range, or the top of the set's first file for a gap no statement
// shows, so that every result has a place a reviewer can open.
struct Place {
  const GuardrailFile* file;
  ByteRange range;
};

Place place_of(const GuardrailReport& report, std::size_t origin, ByteRange range) {
  if (origin == analysis::kNoOrigin) return {&report.files.front(), {0, 0}};
  const GuardrailFile& file = report.files[origin];
  return {&file, file.to_file ? file.to_file->to_outer(range) : range};
}

// The line indexes of the files, built on first use.
class Lines {
 public:
  explicit Lines(const GuardrailReport& report) : report_(report), indexes_(report.files.size()) {}

  const source::LineIndex& of(const GuardrailFile& file) {
    auto& slot = indexes_[static_cast<std::size_t>(&file - report_.files.data())];
    if (!slot) slot.emplace(file.text);
    return *slot;
  }

  source::Position start(const Place& place, source::ColumnUnit unit) {
    return of(*place.file).position(place.range.begin, unit);
  }

 private:
  const GuardrailReport& report_;
  std::vector<std::optional<source::LineIndex>> indexes_;
};

std::string_view sid_of(const analysis::Denial& denial) {
  return denial.statement->sid ? denial.statement->sid->value : std::string_view();
}

std::array<std::size_t, 4> counts(std::span<const ControlVerdict> verdicts) {
  std::array<std::size_t, 4> by_status{};
  for (const ControlVerdict& verdict : verdicts)
    ++by_status[static_cast<std::size_t>(verdict.status)];
  return by_status;
}

std::string summary_line(std::span<const ControlVerdict> verdicts) {
  const auto by_status = counts(verdicts);
  std::string line = fmt::format("{} controls: {} enforced, {} partial, {} missing",
                                 verdicts.size(), by_status[0], by_status[1], by_status[2]);
  if (by_status[3] > 0) line += fmt::format(", {} off", by_status[3]);
  return line;
}

// The coverage table's last column: what enforces the control, or its first gap, or why it is
// off.
std::string where(const ControlVerdict& verdict, const GuardrailReport& report, Lines& lines) {
  if (verdict.status == ControlStatus::kOff) return *verdict.control->disabled;
  if (verdict.status == ControlStatus::kEnforced) {
    std::string out;
    for (const analysis::Denial* denial : verdict.enforced_by) {
      const Place place = place_of(report, denial->origin, denial->statement->range);
      const source::Position at = lines.start(place, source::ColumnUnit::kCodePoints);
      out += fmt::format("{}{}:{}", out.empty() ? "by " : ", ", place.file->path, at.line);
      if (!place.file->location.empty()) out += fmt::format(" {}", place.file->location);
      if (!sid_of(*denial).empty()) out += fmt::format(" ({})", sid_of(*denial));
    }
    if (!verdict.left_out_by_allow_list.empty())
      out += fmt::format("{}allow-list leaves out {}", out.empty() ? "" : "; ",
                         verdict.left_out_by_allow_list.front());
    return out;
  }
  return verdict.gaps.front().why;
}

}  // namespace

void write_guardrails_text(const GuardrailReport& report, std::ostream& out) {
  Lines lines(report);
  for (const ControlVerdict& verdict : report.verdicts) {
    for (const ControlGap& gap : verdict.gaps) {
      const std::string_view status = analysis::control_status_name(verdict.status);
      if (gap.origin == analysis::kNoOrigin) {
        out << fmt::format("{}: {} ({}): {}\n", status, verdict.control->id, verdict.control->title,
                           to_terminal_text(gap.why));
        continue;
      }
      const Place place = place_of(report, gap.origin, gap.range);
      const source::Position at = lines.start(place, source::ColumnUnit::kCodePoints);
      out << fmt::format("{}:{}:{}: {}: {} ({}): {}\n", to_terminal_text(place.file->path), at.line,
                         at.column, status, verdict.control->id, verdict.control->title,
                         to_terminal_text(gap.why));
      // As lint's text output says where in a template or plan a finding sits.
      if (!place.file->location.empty())
        out << fmt::format("  = in: {}\n", to_terminal_text(place.file->location));
    }
  }
  if (std::any_of(report.verdicts.begin(), report.verdicts.end(),
                  [](const ControlVerdict& v) { return !v.gaps.empty(); })) {
    out << '\n';
  }
  std::size_t id_width = std::string_view("Control").size();
  for (const ControlVerdict& verdict : report.verdicts)
    id_width = std::max(id_width, verdict.control->id.size());
  out << fmt::format("{:<{}}  {:<8}  {}\n", "Control", id_width, "Status", "Where / why");
  for (const ControlVerdict& verdict : report.verdicts) {
    out << fmt::format("{:<{}}  {:<8}  {}\n", verdict.control->id, id_width,
                       analysis::control_status_name(verdict.status),
                       to_terminal_text(where(verdict, report, lines)));
  }
  out << summary_line(report.verdicts) << ".\n";
}

void write_guardrails_json(const GuardrailReport& report, std::ostream& out) {
  Lines lines(report);
  JsonWriter w(out);
  w.begin_object();
  w.key("controls");
  w.begin_array();
  for (const ControlVerdict& verdict : report.verdicts) {
    const analysis::Control& control = *verdict.control;
    w.begin_object();
    w.field("id", control.id);
    w.field("title", control.title);
    w.field("status", analysis::control_status_name(verdict.status));
    w.field("source", control.source);
    if (control.disabled) w.field("disabled", *control.disabled);
    w.key("gaps");
    w.begin_array();
    for (const ControlGap& gap : verdict.gaps) {
      w.begin_object();
      w.field("message", gap.why);
      if (gap.origin != analysis::kNoOrigin) {
        const Place place = place_of(report, gap.origin, gap.range);
        const source::Position at = lines.start(place, source::ColumnUnit::kCodePoints);
        w.field("path", place.file->path);
        w.field("line", at.line);
        w.field("column", at.column);
        if (!place.file->location.empty()) w.field("location", place.file->location);
      }
      w.end_object();
    }
    w.end_array();
    w.key("enforced_by");
    w.begin_array();
    for (const analysis::Denial* denial : verdict.enforced_by) {
      const Place place = place_of(report, denial->origin, denial->statement->range);
      const source::Position at = lines.start(place, source::ColumnUnit::kCodePoints);
      w.begin_object();
      w.field("path", place.file->path);
      w.field("line", at.line);
      w.field("column", at.column);
      if (!place.file->location.empty()) w.field("location", place.file->location);
      if (!sid_of(*denial).empty()) w.field("sid", sid_of(*denial));
      w.end_object();
    }
    w.end_array();
    w.key("left_out_by_allow_list");
    w.begin_array();
    for (const std::string& action : verdict.left_out_by_allow_list) w.string(action);
    w.end_array();
    w.end_object();
  }
  w.end_array();
  const auto by_status = counts(report.verdicts);
  w.key("summary");
  w.begin_object();
  for (std::size_t i = 0; i < by_status.size(); ++i)
    w.field(analysis::control_status_name(static_cast<ControlStatus>(i)), by_status[i]);
  w.end_object();
  w.end_object();
  w.finish();
}

namespace {

void write_control_rule(JsonWriter& w, const analysis::Control& control) {
  std::string help = control.rationale;
  for (const std::string& reference : control.references) help += "\n- " + reference;
  w.begin_object();
  // The id is the name a team chose; SARIF wants no second, different name for it.
  w.field("id", control.id);
  w.key("shortDescription");
  w.begin_object();
  w.field("text", control.title.empty() ? control.id : control.title);
  w.end_object();
  if (!control.rationale.empty()) {
    w.key("fullDescription");
    w.begin_object();
    w.field("text", control.rationale);
    w.end_object();
    w.key("help");
    w.begin_object();
    w.field("text", help);
    w.end_object();
  }
  w.key("defaultConfiguration");
  w.begin_object();
  w.field("level", "error");
  w.key("enabled");
  w.boolean(!control.disabled);
  w.end_object();
  w.key("properties");
  w.begin_object();
  w.key("tags");
  w.begin_array();
  w.string("security");
  w.string("guardrail");
  w.end_array();
  w.field("precision", "high");
  w.field("security-severity", "7.0");
  w.end_object();
  w.end_object();
}

}  // namespace

void write_guardrails_sarif(const GuardrailReport& report, const ToolInfo& tool,
                            std::ostream& out) {
  Lines lines(report);
  JsonWriter w(out);
  begin_sarif_run(w);
  for (std::size_t index = 0; index < report.verdicts.size(); ++index) {
    const ControlVerdict& verdict = report.verdicts[index];
    for (const ControlGap& gap : verdict.gaps) {
      const Place place = place_of(report, gap.origin, gap.range);
      const std::string uri = artifact_uri(place.file->path);
      w.begin_object();
      w.field("ruleId", verdict.control->id);
      w.field("ruleIndex", index);
      w.field("level", verdict.status == ControlStatus::kMissing ? "error" : "warning");
      write_sarif_message(w,
                          fmt::format("{}: {}: {}", analysis::control_status_name(verdict.status),
                                      verdict.control->title, gap.why));
      w.key("locations");
      w.begin_array();
      w.begin_object();
      write_sarif_location(w, uri, lines.of(*place.file), place.file->text, place.range);
      if (!place.file->location.empty()) write_sarif_logical_location(w, place.file->location);
      w.end_object();
      w.end_array();
      // The control, the file and the reason identify a gap wherever its line moves.
      w.key("partialFingerprints");
      w.begin_object();
      w.field("iamlint/guardrailGap/v1",
              fmt::format("{:016x}",
                          fnv1a(gap.why, fnv1a(place.file->path, fnv1a(verdict.control->id)))));
      w.end_object();
      w.end_object();
    }
  }
  w.end_array();  // results
  w.key("tool");
  w.begin_object();
  w.key("driver");
  w.begin_object();
  w.field("name", "iamlint");
  w.field("version", tool.version);
  w.field("semanticVersion", tool.version);
  w.field("informationUri", tool.information_uri);
  w.key("rules");
  w.begin_array();
  for (const ControlVerdict& verdict : report.verdicts) write_control_rule(w, *verdict.control);
  w.end_array();
  w.end_object();
  w.end_object();
  w.key("invocations");
  w.begin_array();
  w.begin_object();
  w.key("executionSuccessful");
  w.boolean(true);
  w.end_object();
  w.end_array();
  w.end_object();  // run
  w.end_array();   // runs
  w.end_object();
  w.finish();
}

}  // namespace iamlint::report
