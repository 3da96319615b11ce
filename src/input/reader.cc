#include "input/reader.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <iterator>

#include <fmt/core.h>

#include "catalog/suggest.h"
#include "input/container.h"
#include "input/mapped_text.h"
#include "input/yaml_to_json.h"
#include "support/text.h"

namespace iamlint::input {
namespace {

// YAML by extension; a name without one of the known extensions (a .template, standard input) by
// its first character: JSON documents start with '{' or '['.
bool is_yaml(std::string_view path, std::string_view text) {
  if (path.ends_with(".yaml") || path.ends_with(".yml")) return true;
  if (path.ends_with(".json")) return false;
  if (text.starts_with(kByteOrderMark)) text.remove_prefix(kByteOrderMark.size());
  std::size_t first = text.find_first_not_of(" \t\r\n");
  return first != std::string_view::npos && text[first] != '{' && text[first] != '[';
}

bool contains_folded(std::string_view text, std::string_view lower_needle) {
  return std::search(text.begin(), text.end(), lower_needle.begin(), lower_needle.end(),
                     [](char a, char b) {
                       return std::tolower(static_cast<unsigned char>(a)) == b;
                     }) != text.end();
}

bool is_policy_version(std::string_view version) {
  return version == "2012-10-17" || version == "2008-10-17";
}

// The AWS CLI writes an export's lists in this order; a filtered export starts with the first it
// keeps.
constexpr std::string_view kAuthorizationDetailsLists[] = {
    "\"UserDetailList\"", "\"GroupDetailList\"", "\"RoleDetailList\"", "\"Policies\""};

bool starts_like_authorization_details(std::string_view head) {
  if (head.starts_with(kByteOrderMark)) head.remove_prefix(kByteOrderMark.size());
  auto skip_space = [&] {
    head.remove_prefix(std::min(head.find_first_not_of(" \t\r\n"), head.size()));
  };
  skip_space();
  if (!head.starts_with('{')) return false;
  head.remove_prefix(1);
  skip_space();
  return std::any_of(std::begin(kAuthorizationDetailsLists), std::end(kAuthorizationDetailsLists),
                     [&](std::string_view list) { return head.starts_with(list); });
}

}  // namespace

std::optional<std::size_t> Container::add_policy(json::NodeId node, PolicyOrigin origin) {
  const json::Node& value = doc().node(node);
  if (value.opaque || !(value.is_object() || value.is_string())) return std::nullopt;
  // An empty string is no policy: Terraform writes one for an optional policy left unset.
  if (value.is_string() && value.text().find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return std::nullopt;
  }
  if (value.is_object()) return add_policy_value(node, std::move(origin));
  // A policy written as a string: decoded, then parsed as its own JSON.
  MappedText decoded = decode_json_string(json_->text(), value.range);
  if (is_percent_encoded_object(decoded.text)) {
    MappedText json_text = decode_percent(decoded.text);
    decoded = {std::move(json_text.text), json_text.map.then(decoded.map)};
  }
  reading_.policies.push_back(
      {.origin = std::move(origin),
       .location = location(node),
       .json = ParsedJson::own(std::move(decoded.text), decoded.map.then(json_->to_file()))});
  PolicySource& added = reading_.policies.back();
  if (added.json->parsed()) added.root = added.json->doc().root();
  return reading_.policies.size() - 1;
}

std::size_t Container::add_policy_value(json::NodeId node, PolicyOrigin origin) {
  reading_.policies.push_back(
      {.origin = std::move(origin), .location = location(node), .json = json_, .root = node});
  return reading_.policies.size() - 1;
}

std::size_t Container::add_policy_from_properties(std::string text, const OffsetMap& to_doc,
                                                  json::NodeId node, PolicyOrigin origin,
                                                  void (*prepare)(json::Document&, json::NodeId)) {
  std::shared_ptr<ParsedJson> json =
      ParsedJson::own(std::move(text), to_doc.then(json_->to_file()));
  json::NodeId root = json::kNoNode;
  if (json->parsed()) {
    root = json->doc().root();
    prepare(json->doc(), root);
  }
  reading_.policies.push_back({.origin = std::move(origin),
                               .location = location(node),
                               .json = std::move(json),
                               .root = root,
                               .from_properties = true});
  return reading_.policies.size() - 1;
}

json::NodeId Container::member(json::NodeId object, std::string_view key) const {
  if (object == json::kNoNode || !doc().node(object).is_object()) return json::kNoNode;
  return doc().find_member(object, key);
}

std::string_view Container::string_member(json::NodeId object, std::string_view key) const {
  json::NodeId found = member(object, key);
  if (found == json::kNoNode || !doc().node(found).is_string()) return "";
  return doc().node(found).text();
}

std::vector<json::NodeId> Container::values_at(json::NodeId object, std::string_view path) const {
  std::vector<json::NodeId> at = {object};
  while (!path.empty() && !at.empty()) {
    const std::size_t dot = path.find('.');
    std::string_view step = path.substr(0, dot);
    path = dot == std::string_view::npos ? "" : path.substr(dot + 1);
    const bool each = step.ends_with("[]");
    if (each) step.remove_suffix(2);
    std::vector<json::NodeId> next;
    for (json::NodeId node : at) {
      const json::NodeId found = member(node, step);
      if (found == json::kNoNode) continue;
      if (!each) {
        next.push_back(found);
      } else if (doc().node(found).is_array()) {
        for (json::NodeId element : doc().children(found)) next.push_back(element);
      }
    }
    at = std::move(next);
  }
  return at;
}

Reading read(std::string_view path, std::string_view text, const ReadOptions& options) {
  Reading reading;
  // A text kind (a CSV export) is neither JSON nor YAML; it holds no policy.
  if (const DocumentKind* text_kind = detect_text_kind(text);
      text_kind != nullptr && (options.format == nullptr || options.format == text_kind)) {
    reading.kind = text_kind;
    return reading;
  }
  std::shared_ptr<ParsedJson> json;
  const bool yaml = is_yaml(path, text);
  if (yaml) {
    // Only a file that holds a directive pays for the layout its comments are read with.
    std::optional<YamlLayout> layout;
    if (text.find(kIgnoreDirective) != std::string_view::npos) layout.emplace();
    auto converted = yaml_to_json(text, layout ? &*layout : nullptr);
    if (!converted) {
      reading.error = converted.error();
      return reading;
    }
    if (layout) reading.directives = find_directive_comments(text, *layout);
    json = ParsedJson::own(std::move(converted->text), std::move(converted->map));
  } else {
    json = ParsedJson::borrow(text, OffsetMap{});
  }
  if (!json->parsed()) {
    json::SyntaxError error = json->error();
    error.offset = json->to_file().to_outer({error.offset, error.offset}).begin;
    if (yaml) error.language = "YAML";
    reading.error = std::move(error);
    return reading;
  }

  const DocumentKind& kind = options.format ? *options.format : detect_document_kind(json->doc());
  if (kind.detect && !kind.detect(json->doc())) {
    reading.error = json::SyntaxError{
        .message = fmt::format("the file is not {} (--input-format {}); it was not analysed",
                               kind.description, kind.name),
        .limit = true};
    return reading;
  }
  reading.kind = &kind;
  Container container(std::move(json), options, reading);
  kind.extract(container);
  return reading;
}

bool looks_like_policy(const json::Document& doc) {
  const json::NodeId root = doc.root();
  if (!doc.node(root).is_object()) return false;
  constexpr std::array<std::string_view, 6> kStatementMembers = {
      "Effect", "Action", "NotAction", "Principal", "NotPrincipal", "NotResource"};
  for (json::NodeId member : doc.children(root)) {
    const json::Node& node = doc.node(member);
    if (catalog::is_likely_typo("Statement", node.key())) return true;
    if (std::find(kStatementMembers.begin(), kStatementMembers.end(), node.key()) !=
        kStatementMembers.end()) {
      return true;
    }
    if (catalog::is_likely_typo("Version", node.key()) && node.is_string() &&
        is_policy_version(node.text())) {
      return true;
    }
  }
  return false;
}

source::SizeLimit input_size_limit() {
  return {.max_bytes = source::kMaxFileBytes,
          .extended_bytes = kMaxAuthorizationDetailsBytes,
          .extends = starts_like_authorization_details};
}

bool mentions_policy(std::string_view text) {
  constexpr std::array<std::string_view, 6> kMarkers = {
      "statement\"", "statement:", "statment", "2012-10-17", "2008-10-17", "policydocument"};
  return std::any_of(kMarkers.begin(), kMarkers.end(),
                     [&](std::string_view marker) { return contains_folded(text, marker); });
}

}  // namespace iamlint::input
