#include "analysis/guardrail_controls.h"

#include <algorithm>

#include <fmt/core.h>

#include "catalog/ascii.h"
#include "json/parser.h"
#include "source/line_index.h"
#include "support/assert.h"

namespace iamlint::analysis {
namespace {

// Reads one controls document, collecting the first problem with its position.
class ControlReader {
 public:
  ControlReader(const json::Document& doc, std::string_view text, std::string_view path)
      : doc_(doc), index_(text), path_(path) {}

  Result<std::vector<Control>> read() {
    const json::Node& root = doc_.node(doc_.root());
    const json::NodeId list =
        root.is_object() ? doc_.find_member(doc_.root(), "controls") : json::kNoNode;
    if (list == json::kNoNode || !doc_.node(list).is_array())
      return fail(doc_.root(), "a controls file is an object with a \"controls\" array");
    std::vector<Control> controls;
    for (json::NodeId item : doc_.children(list)) {
      std::optional<Control> control = read_control(item);
      if (!control) return Unexpected(*error_);
      if (std::any_of(controls.begin(), controls.end(),
                      [&](const Control& c) { return c.id == control->id; })) {
        return fail(item, fmt::format("the control id '{}' is used twice", control->id));
      }
      controls.push_back(std::move(*control));
    }
    return controls;
  }

 private:
  Unexpected<Error> fail(json::NodeId at, std::string_view message) {
    const source::Position position =
        index_.position(doc_.node(at).range.begin, source::ColumnUnit::kCodePoints);
    error_ = Error{ErrorCode::kUsage,
                   fmt::format("{}:{}:{}: {}", path_, position.line, position.column, message)};
    return Unexpected(*error_);
  }

  std::optional<std::string> text(json::NodeId object, std::string_view key, bool required) {
    const json::NodeId member = doc_.find_member(object, key);
    if (member == json::kNoNode) {
      if (required) fail(object, fmt::format("a control needs \"{}\"", key));
      return std::nullopt;
    }
    if (!doc_.node(member).is_string() || doc_.node(member).text().empty()) {
      fail(member, fmt::format("\"{}\" must be a non-empty string", key));
      return std::nullopt;
    }
    return std::string(doc_.node(member).text());
  }

  std::optional<std::vector<std::string>> texts(json::NodeId object, std::string_view key,
                                                bool required) {
    const json::NodeId member = doc_.find_member(object, key);
    if (member == json::kNoNode) {
      if (required) fail(object, fmt::format("a control needs \"{}\"", key));
      return required ? std::nullopt : std::optional<std::vector<std::string>>(std::in_place);
    }
    const json::Node& node = doc_.node(member);
    if (!node.is_array() || node.child_count == 0) {
      fail(member, fmt::format("\"{}\" must be a non-empty array of strings", key));
      return std::nullopt;
    }
    std::vector<std::string> out;
    for (json::NodeId item : doc_.children(member)) {
      if (!doc_.node(item).is_string() || doc_.node(item).text().empty()) {
        fail(item, fmt::format("\"{}\" must be a non-empty array of strings", key));
        return std::nullopt;
      }
      out.emplace_back(doc_.node(item).text());
    }
    return out;
  }

  // Which of the two words a member holds; `first` when it is absent.
  std::optional<bool> choice(json::NodeId object, std::string_view key, std::string_view first,
                             std::string_view second) {
    const json::NodeId member = doc_.find_member(object, key);
    if (member == json::kNoNode) return false;
    const json::Node& node = doc_.node(member);
    if (node.is_string() && (node.text() == first || node.text() == second))
      return node.text() == second;
    fail(member, fmt::format("\"{}\" must be \"{}\" or \"{}\"", key, first, second));
    return std::nullopt;
  }

  bool check_keys(json::NodeId object, std::initializer_list<std::string_view> known) {
    for (json::NodeId member : doc_.children(object)) {
      const std::string_view key = doc_.node(member).key();
      if (std::find(known.begin(), known.end(), key) == known.end()) {
        fail(member, fmt::format("unknown key \"{}\"", key));
        return false;
      }
    }
    return true;
  }

  bool read_actions(json::NodeId object, Control& control) {
    auto deny = texts(object, "deny", !control.disabled);
    if (!deny) return false;
    for (const std::string& action : *deny) {
      if (action != "*" && action.find(':') == std::string::npos) {
        fail(doc_.find_member(object, "deny"),
             fmt::format("\"{}\" is not an action (service:Name, wildcards allowed)", action));
        return false;
      }
    }
    control.deny = std::move(*deny);
    return true;
  }

  bool read_allowed_conditions(json::NodeId object, Control& control) {
    const json::NodeId list = doc_.find_member(object, "allowed_conditions");
    if (list == json::kNoNode) return true;
    if (!doc_.node(list).is_array()) {
      fail(list, "\"allowed_conditions\" must be an array of objects");
      return false;
    }
    for (json::NodeId item : doc_.children(list)) {
      if (!doc_.node(item).is_object()) {
        fail(item, "\"allowed_conditions\" must be an array of objects");
        return false;
      }
      if (!check_keys(item, {"operator", "key", "values", "because"})) return false;
      auto op = text(item, "operator", true);
      auto key = text(item, "key", true);
      auto values = texts(item, "values", true);
      auto because = text(item, "because", true);
      if (!op || !key || !values || !because) return false;
      control.allowed_conditions.push_back(
          {std::move(*op), std::move(*key), std::move(*values), std::move(*because)});
    }
    return true;
  }

  std::optional<Control> read_control(json::NodeId object) {
    if (!doc_.node(object).is_object()) {
      fail(object, "each control is an object");
      return std::nullopt;
    }
    if (!check_keys(object, {"id", "title", "rationale", "references", "callers", "exemptions",
                             "deny", "allowed_conditions", "disabled"})) {
      return std::nullopt;
    }
    Control control{.source = std::string(path_)};
    auto id = text(object, "id", true);
    if (!id) return std::nullopt;
    const bool well_formed = std::all_of(id->begin(), id->end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
    if (!well_formed) {
      fail(doc_.find_member(object, "id"),
           "a control id is made of lower-case letters, digits and '-'");
      return std::nullopt;
    }
    control.id = std::move(*id);
    if (doc_.find_member(object, "disabled") != json::kNoNode) {
      control.disabled = text(object, "disabled", true);
      if (!control.disabled) return std::nullopt;
    }
    // A control switched off needs nothing but its id and the reason.
    const bool required = !control.disabled;
    auto title = text(object, "title", required);
    auto rationale = text(object, "rationale", required);
    auto references = texts(object, "references", false);
    auto root_only = choice(object, "callers", "everyone", "root");
    auto no_exemptions = choice(object, "exemptions", "named", "none");
    if (error_ || !references || !root_only || !no_exemptions) return std::nullopt;
    control.title = title.value_or("");
    control.rationale = rationale.value_or("");
    control.references = std::move(*references);
    control.root_only = *root_only;
    control.named_exemptions = !*no_exemptions;
    if (!read_actions(object, control) || !read_allowed_conditions(object, control))
      return std::nullopt;
    return control;
  }

  const json::Document& doc_;
  source::LineIndex index_;
  std::string_view path_;
  std::optional<Error> error_;
};

}  // namespace

std::vector<Control> baseline_controls() {
  auto controls = parse_controls(baseline_controls_text(), "baseline");
  IAMLINT_ASSERT(controls.has_value());  // a test parses the data file at build time
  return std::move(*controls);
}

Result<std::vector<Control>> parse_controls(std::string_view text, std::string_view path) {
  auto doc = json::parse(text);
  if (!doc) {
    const source::LineIndex index(text);
    const source::Position at = index.position(doc.error().offset, source::ColumnUnit::kCodePoints);
    return make_error(ErrorCode::kUsage,
                      fmt::format("{}:{}:{}: {}", path, at.line, at.column, doc.error().message));
  }
  return ControlReader(*doc, text, path).read();
}

std::vector<Control> merge_controls(std::vector<Control> base, std::vector<Control> added) {
  for (Control& control : added) {
    auto known = std::find_if(base.begin(), base.end(),
                              [&](const Control& c) { return c.id == control.id; });
    if (known == base.end()) {
      base.push_back(std::move(control));
    } else if (control.disabled && control.deny.empty()) {
      known->disabled = std::move(control.disabled);
      known->source = std::move(control.source);
    } else {
      *known = std::move(control);
    }
  }
  return base;
}

}  // namespace iamlint::analysis
