#include "ast/lower.h"

#include <algorithm>
#include <array>
#include <utility>

namespace iamlint::ast {
namespace {

using json::Document;
using json::Kind;
using json::NodeId;

Text text_of(const Document& doc, NodeId id) {
  const json::Node& node = doc.node(id);
  return {.value = node.text(), .range = node.range, .node = id};
}

std::optional<Text> string_member(const Document& doc, NodeId id) {
  if (!doc.node(id).is_string()) return std::nullopt;
  return text_of(doc, id);
}

// Calls `visit` for the value itself when it is a string, or for each string in an array.
// Returns whether an opaque value stood there.
template <class Visit>
bool for_each_string(const Document& doc, NodeId id, Visit&& visit) {
  const json::Node& node = doc.node(id);
  bool opaque = node.opaque;
  if (node.is_string()) {
    visit(id);
  } else if (node.is_array()) {
    for (NodeId element : doc.children(id)) {
      if (doc.node(element).is_string()) visit(element);
      opaque = opaque || doc.node(element).opaque;
    }
  }
  return opaque;
}

Action make_action(const Document& doc, NodeId id) {
  Text text = text_of(doc, id);
  std::size_t colon = text.value.find(':');
  if (colon == std::string_view::npos) return {.text = text, .name = text.value};
  return {
      .text = text, .service = text.value.substr(0, colon), .name = text.value.substr(colon + 1)};
}

Resource make_resource(const Document& doc, NodeId id) {
  Text text = text_of(doc, id);
  return {.text = text, .arn = split_arn(text.value)};
}

template <class Entry, class Make>
EntryList<Entry> lower_list(const Document& doc, NodeId id, Make make) {
  const json::Node& node = doc.node(id);
  EntryList<Entry> list{.name = {.value = node.key(), .range = node.key_range, .node = id},
                        .range = node.range,
                        .node = id};
  list.entries.reserve(node.is_array() ? node.child_count : node.is_string() ? 1 : 0);
  list.unknown =
      for_each_string(doc, id, [&](NodeId entry) { list.entries.push_back(make(doc, entry)); });
  return list;
}

PrincipalType principal_type(std::string_view key) {
  if (key == "AWS") return PrincipalType::kAws;
  if (key == "Service") return PrincipalType::kService;
  if (key == "Federated") return PrincipalType::kFederated;
  if (key == "CanonicalUser") return PrincipalType::kCanonicalUser;
  return PrincipalType::kUnknown;
}

Principal lower_principal(const Document& doc, NodeId id) {
  const json::Node& node = doc.node(id);
  Principal principal{.range = node.range, .node = id, .unknown = node.opaque};
  if (node.is_string()) {
    principal.is_wildcard = node.text() == "*";
  } else if (node.is_object() && !node.opaque) {
    for (NodeId member : doc.children(id)) {
      std::string_view key = doc.node(member).key();
      const bool opaque = for_each_string(doc, member, [&](NodeId value) {
        principal.entries.push_back(
            {.type = principal_type(key), .type_key = key, .text = text_of(doc, value)});
      });
      principal.unknown = principal.unknown || opaque;
    }
  }
  return principal;
}

ConditionValue condition_value(const Document& doc, NodeId id) {
  const json::Node& node = doc.node(id);
  std::string_view text = node.text();
  if (node.kind == Kind::kBool) text = node.boolean ? "true" : "false";
  if (node.kind == Kind::kNull) text = "null";
  return {.text = text, .kind = node.kind, .range = node.range};
}

void lower_conditions(const Document& doc, NodeId id, std::vector<Condition>& out) {
  if (!doc.node(id).is_object() || doc.node(id).opaque) return;
  for (NodeId op_node : doc.children(id)) {
    const json::Node& op = doc.node(op_node);
    if (!op.is_object() || op.opaque) continue;
    ConditionOperator split =
        split_operator({.value = op.key(), .range = op.key_range, .node = op_node});
    for (NodeId key_node : doc.children(op_node)) {
      const json::Node& key = doc.node(key_node);
      Condition condition{.op = split,
                          .key = {.value = key.key(), .range = key.key_range, .node = key_node},
                          .values_range = key.range,
                          .unknown = key.opaque};
      if (key.is_array()) {
        for (NodeId value : doc.children(key_node)) {
          if (!doc.node(value).is_container())
            condition.values.push_back(condition_value(doc, value));
          condition.unknown = condition.unknown || doc.node(value).opaque;
        }
      } else if (!key.is_container()) {
        condition.values.push_back(condition_value(doc, key_node));
      }
      out.push_back(std::move(condition));
    }
  }
}

Effect parse_effect(std::string_view text) {
  if (text == "Allow") return Effect::kAllow;
  if (text == "Deny") return Effect::kDeny;
  return Effect::kInvalid;
}

// Only the first of duplicated elements is lowered, even when its value has the wrong type (then
// nothing is); the duplicate-key rule reports the others. `seen` remembers the element names met.
class FirstOnly {
 public:
  // True the first time `key` is met.
  bool first(std::string_view key) {
    const auto in_place_end = in_place_.begin() + std::min(count_, kInPlace);
    if (std::find(in_place_.begin(), in_place_end, key) != in_place_end ||
        std::find(more_.begin(), more_.end(), key) != more_.end()) {
      return false;
    }
    if (count_ < kInPlace) {
      in_place_[count_] = key;
    } else {
      more_.push_back(key);
    }
    ++count_;
    return true;
  }

 private:
  // A statement has seven elements at most unless it repeats or misspells some: the names of
  // nearly every object fit here, so lowering a statement allocates nothing for them.
  static constexpr std::size_t kInPlace = 8;
  std::array<std::string_view, kInPlace> in_place_;
  std::size_t count_ = 0;
  std::vector<std::string_view> more_;
};

Statement lower_statement(const Document& doc, NodeId id, uint32_t index) {
  Statement statement{.index = index, .range = doc.node(id).range, .node = id};
  FirstOnly elements;
  for (NodeId member : doc.children(id)) {
    std::string_view key = doc.node(member).key();
    if (!elements.first(key)) continue;
    if (key == "Sid") {
      statement.sid = string_member(doc, member);
    } else if (key == "Effect") {
      statement.effect_text = string_member(doc, member);
      if (statement.effect_text) statement.effect = parse_effect(statement.effect_text->value);
    } else if (key == "Principal") {
      statement.principal = lower_principal(doc, member);
    } else if (key == "NotPrincipal") {
      statement.not_principal = lower_principal(doc, member);
    } else if (key == "Action") {
      statement.action = lower_list<Action>(doc, member, make_action);
    } else if (key == "NotAction") {
      statement.not_action = lower_list<Action>(doc, member, make_action);
    } else if (key == "Resource") {
      statement.resource = lower_list<Resource>(doc, member, make_resource);
    } else if (key == "NotResource") {
      statement.not_resource = lower_list<Resource>(doc, member, make_resource);
    } else if (key == "Condition") {
      statement.condition_node = member;
      lower_conditions(doc, member, statement.conditions);
    }
  }
  return statement;
}

}  // namespace

std::optional<Policy> lower_policy(const Document& doc, NodeId root,
                                   std::optional<PolicyKind> kind) {
  if (root == json::kNoNode || !doc.node(root).is_object()) return std::nullopt;
  Policy policy{.range = doc.node(root).range, .node = root};
  FirstOnly elements;
  for (NodeId member : doc.children(root)) {
    std::string_view key = doc.node(member).key();
    if (!elements.first(key)) continue;
    if (key == "Version") {
      policy.version = string_member(doc, member);
    } else if (key == "Id") {
      policy.id = string_member(doc, member);
    } else if (key == "Statement") {
      policy.statement_node = member;
      // An opaque statement ({"Fn::If": [...]}) is left out, as one of the wrong type is.
      const json::Node& statements = doc.node(member);
      if (statements.is_object() && !statements.opaque) {
        policy.statements.push_back(lower_statement(doc, member, 0));
      } else if (statements.is_array()) {
        uint32_t index = 0;
        for (NodeId element : doc.children(member)) {
          if (doc.node(element).is_object() && !doc.node(element).opaque)
            policy.statements.push_back(lower_statement(doc, element, index));
          ++index;
        }
      }
    }
  }
  policy.kind = kind ? *kind : infer_kind(policy);
  return policy;
}

PolicyKind infer_kind(const Policy& policy) {
  const auto& statements = policy.statements;
  bool has_principal = std::any_of(statements.begin(), statements.end(),
                                   [](const Statement& s) { return s.has_principal(); });
  if (!has_principal) return PolicyKind::kIdentity;
  bool has_resource = std::any_of(statements.begin(), statements.end(),
                                  [](const Statement& s) { return s.resource || s.not_resource; });
  bool only_sts = std::all_of(statements.begin(), statements.end(), [](const Statement& s) {
    return s.action && !s.action->entries.empty() &&
           std::all_of(s.action->entries.begin(), s.action->entries.end(),
                       [](const Action& a) { return a.service == "sts"; });
  });
  return !has_resource && only_sts ? PolicyKind::kTrust : PolicyKind::kResource;
}

}  // namespace iamlint::ast
