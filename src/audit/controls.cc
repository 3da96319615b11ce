#include "audit/controls.h"

#include <algorithm>
#include <charconv>

#include <fmt/core.h>

#include "json/parser.h"
#include "support/assert.h"

namespace iamlint::audit {
namespace {

using json::NodeId;

constexpr std::string_view kTags[] = {"security", "account-settings"};
constexpr int64_t kMaxThreshold = 100'000;

// Reads the controls document; the first problem ends it.
class ControlReader {
 public:
  explicit ControlReader(const json::Document& doc) : doc_(doc) {}

  Result<std::vector<Control>> read() {
    const NodeId list = member(doc_.root(), "controls");
    if (list == json::kNoNode || !doc_.node(list).is_array())
      return fail(doc_.root(), "an object with a \"controls\" array");
    std::vector<Control> controls;
    for (NodeId item : doc_.children(list)) {
      Control control;
      if (!read_control(item, control)) return Unexpected(*error_);
      controls.push_back(std::move(control));
    }
    return controls;
  }

 private:
  Unexpected<Error> fail(NodeId at, std::string_view expected) {
    error_ = Error{ErrorCode::kUsage,
                   fmt::format("at byte {}: expected {}", doc_.node(at).range.begin, expected)};
    return Unexpected(*error_);
  }

  NodeId member(NodeId object, std::string_view key) const {
    return doc_.node(object).is_object() ? doc_.find_member(object, key) : json::kNoNode;
  }

  bool text(NodeId object, std::string_view key, std::string& out) {
    const NodeId found = member(object, key);
    if (found == json::kNoNode || !doc_.node(found).is_string() ||
        doc_.node(found).text().empty()) {
      fail(object, fmt::format("a non-empty string \"{}\"", key));
      return false;
    }
    out = doc_.node(found).text();
    return true;
  }

  bool texts(NodeId object, std::string_view key, std::vector<std::string>& out) {
    const NodeId found = member(object, key);
    if (found == json::kNoNode || !doc_.node(found).is_array()) {
      fail(object, fmt::format("an array of strings \"{}\"", key));
      return false;
    }
    for (NodeId item : doc_.children(found)) {
      if (!doc_.node(item).is_string()) {
        fail(item, "a string");
        return false;
      }
      out.emplace_back(doc_.node(item).text());
    }
    return true;
  }

  bool thresholds(NodeId object, Control& control) {
    const NodeId found = member(object, "thresholds");
    if (found == json::kNoNode) return true;
    if (!doc_.node(found).is_object()) {
      fail(found, "an object of thresholds");
      return false;
    }
    for (NodeId item : doc_.children(found)) {
      const json::Node& node = doc_.node(item);
      int64_t value = 0;
      const auto [end, ec] =
          std::from_chars(node.text().data(), node.text().data() + node.text().size(), value);
      if (node.kind != json::Kind::kNumber || ec != std::errc() ||
          end != node.text().data() + node.text().size()) {
        fail(item, "a whole number");
        return false;
      }
      control.thresholds.push_back({std::string(node.key()), value});
    }
    return true;
  }

  bool read_control(NodeId item, Control& control) {
    std::string level;
    if (!text(item, "id", control.id) || !text(item, "name", control.name) ||
        !text(item, "title", control.title) || !text(item, "level", level) ||
        !text(item, "security_severity", control.security_severity) ||
        !text(item, "practice", control.practice) || !text(item, "rationale", control.rationale) ||
        !texts(item, "cis", control.cis) || !thresholds(item, control)) {
      return false;
    }
    std::optional<engine::Level> parsed = engine::parse_level(level);
    if (!parsed) {
      fail(member(item, "level"), "error, warning or note");
      return false;
    }
    control.level = *parsed;
    return true;
  }

  const json::Document& doc_;
  std::optional<Error> error_;
};

std::string page_of(const Control& control) {
  std::string page = fmt::format(
      "## What it does\n\n{}: `iamlint audit` reports it from the account's exported "
      "settings.\n\n## Why is this bad?\n\n{}\n\n## The practice\n\n\"{}\" (the root-account "
      "checklist).\n",
      control.title, control.rationale, control.practice);
  if (!control.thresholds.empty()) {
    page += "\n## Thresholds\n\n";
    for (const Threshold& threshold : control.thresholds)
      page += fmt::format("- `{}`: {} (`--threshold {}=N`)\n", threshold.name, threshold.value,
                          threshold.name);
  }
  if (!control.cis.empty()) {
    page += "\n## References\n\n";
    for (const std::string& cis : control.cis)
      page += fmt::format("- CIS AWS Foundations Benchmark {}\n", cis);
  }
  return page;
}

}  // namespace

int64_t Control::threshold(std::string_view threshold_name) const {
  for (const Threshold& threshold : thresholds) {
    if (threshold.name == threshold_name) return threshold.value;
  }
  IAMLINT_ASSERT(false && "a check asked for a threshold its control does not have");
  return 0;
}

std::vector<Control> baseline_controls() {
  auto controls = parse_controls(controls_text());
  IAMLINT_ASSERT(controls.has_value());
  return std::move(*controls);
}

Result<std::vector<Control>> parse_controls(std::string_view text) {
  auto doc = json::parse(text);
  if (!doc) {
    return make_error(ErrorCode::kUsage,
                      fmt::format("at byte {}: {}", doc.error().offset, doc.error().message));
  }
  return ControlReader(*doc).read();
}

Result<bool> set_threshold(std::vector<Control>& controls, std::string_view setting) {
  const std::size_t equals = setting.find('=');
  const std::string_view name = setting.substr(0, equals);
  std::string known;
  for (Control& control : controls) {
    for (Threshold& threshold : control.thresholds) {
      known += fmt::format("{}{} ({})", known.empty() ? "" : ", ", threshold.name, threshold.value);
      if (threshold.name != name) continue;
      const std::string_view value =
          equals == std::string_view::npos ? "" : setting.substr(equals + 1);
      int64_t parsed = -1;
      const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), parsed);
      if (ec != std::errc() || end != value.data() + value.size() || parsed < 0 ||
          parsed > kMaxThreshold) {
        return make_error(
            ErrorCode::kUsage,
            fmt::format("the threshold {} takes a whole number from 0 to {}; got '{}'", name,
                        kMaxThreshold, value));
      }
      threshold.value = parsed;
      return true;
    }
  }
  return make_error(
      ErrorCode::kUsage,
      fmt::format("unknown threshold '{}' (NAME=VALUE with NAME one of {})", name, known));
}

ControlRules control_rules(const std::vector<Control>& controls) {
  ControlRules out;
  out.rules.reserve(controls.size());
  for (const Control& control : controls) {
    const std::string& page = out.pages.emplace_back(page_of(control));
    out.rules.push_back({.id = control.id,
                         .name = control.name,
                         .level = control.level,
                         .summary = control.title,
                         .tags = kTags,
                         .precision = engine::Precision::kVeryHigh,
                         .security_severity = control.security_severity,
                         .description = control.rationale,
                         .page = page});
  }
  return out;
}

}  // namespace iamlint::audit
