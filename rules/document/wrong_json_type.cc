// IAM002: a policy element holds a JSON value of the wrong type, e.g. a number
// as the Version or an object inside Action. IAM rejects the policy; lowering
// leaves such values out of the typed view, so this rule reads the JSON tree.
#include <optional>
#include <string>

#include <fmt/core.h>

#include "engine/rule.h"
#include "grammar.h"

namespace iamlint::rules {
namespace {

using json::Kind;
using json::NodeId;

// "an array", "a number", "null": the JSON type for messages.
std::string a_kind(Kind kind) {
  std::string_view name = json::kind_name(kind);
  if (kind == Kind::kNull) return std::string(name);
  bool vowel = name.front() == 'a' || name.front() == 'o';
  return fmt::format("{} {}", vowel ? "an" : "a", name);
}

// The first node under `id` (itself included) that breaks "a string, or an
// array of strings". An opaque value (a CloudFormation intrinsic function)
// stands for a value of the right type.
std::optional<NodeId> not_string_list(const json::Document& doc, NodeId id) {
  const json::Node& node = doc.node(id);
  if (node.is_string() || node.opaque) return std::nullopt;
  if (!node.is_array()) return id;
  for (NodeId entry : doc.children(id)) {
    if (!doc.node(entry).is_string() && !doc.node(entry).opaque) return entry;
  }
  return std::nullopt;
}

// Condition values are scalars (strings, numbers, booleans), alone or in an
// array.
std::optional<NodeId> not_scalar_list(const json::Document& doc, NodeId id) {
  const json::Node& node = doc.node(id);
  if (node.opaque) return std::nullopt;
  if (node.is_object()) return id;
  if (!node.is_array()) return std::nullopt;
  for (NodeId entry : doc.children(id)) {
    if (doc.node(entry).is_container() && !doc.node(entry).opaque) return entry;
  }
  return std::nullopt;
}

class WrongJsonType final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"correctness"};
  static constexpr std::string_view kCodes[] = {"DATA_TYPE_MISMATCH"};
  static constexpr engine::Equivalent kEquivalents[] = {{"Parliament", "MALFORMED"},
                                                        {"cfn-lint", "E3510"}};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM002",
      .name = "wrong-json-type",
      .level = engine::Level::kError,
      .summary = "A policy element holds a JSON value of the wrong type",
      .tags = kTags,
      .precision = engine::Precision::kVeryHigh,
      .access_analyzer_codes = kCodes,
      .equivalents = kEquivalents,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_policy(const ast::Policy& policy, engine::RuleContext& ctx) const override {
    const json::Document& doc = ctx.json();
    for (NodeId member : doc.children(policy.node)) {
      const json::Node& node = doc.node(member);
      if (node.key() == "Version" || node.key() == "Id") {
        expect_string(ctx, member);
      } else if (node.key() == "Statement") {
        if (!node.is_container()) {
          report(ctx, member, node.key(), "an object or an array of objects");
          continue;
        }
        if (!node.is_array()) continue;
        for (NodeId entry : doc.children(member)) {
          if (doc.node(entry).is_object()) continue;
          report(ctx, entry, "a statement", "an object");
          break;
        }
      }
    }
  }

  void check_non_policy(const json::Document& doc, engine::RuleContext& ctx) const override {
    report(ctx, doc.root(), "A policy document",
           "an object with a \"Statement\" (and usually a \"Version\")");
  }

  void check_statement(const ast::Statement& statement, engine::RuleContext& ctx) const override {
    const json::Document& doc = ctx.json();
    for (NodeId member : doc.children(statement.node)) {
      const json::Node& node = doc.node(member);
      std::string_view key = node.key();
      if (key == "Sid" || key == "Effect") {
        expect_string(ctx, member);
      } else if (key == "Action" || key == "NotAction" || key == "Resource" ||
                 key == "NotResource") {
        if (auto wrong = not_string_list(doc, member)) report_in_list(ctx, member, *wrong);
      } else if (key == "Principal" || key == "NotPrincipal") {
        check_principal(ctx, member);
      } else if (key == "Condition") {
        check_condition_block(ctx, member);
      }
    }
  }

 private:
  static void report(engine::RuleContext& ctx, NodeId wrong, std::string_view what,
                     std::string_view expected) {
    const json::Node& node = ctx.json().node(wrong);
    ctx.report(node.range, "{} must be {}, not {}", what, expected, a_kind(node.kind));
  }

  static void expect_string(engine::RuleContext& ctx, NodeId member) {
    const json::Node& node = ctx.json().node(member);
    if (node.is_string() || node.opaque) return;
    std::string_view fix = node.is_container() ? "" : "; write it in quotes";
    ctx.report(node.range, "{} must be a string, not {}{}", node.key(), a_kind(node.kind), fix);
  }

  // `wrong` is the element itself or one of its entries.
  static void report_in_list(engine::RuleContext& ctx, NodeId element, NodeId wrong) {
    std::string_view key = ctx.json().node(element).key();
    const json::Node& node = ctx.json().node(wrong);
    if (wrong == element) {
      ctx.report(node.range, "{} must be a string or an array of strings, not {}", key,
                 a_kind(node.kind));
    } else {
      ctx.report(node.range, "every entry of {} must be a string, not {}", key, a_kind(node.kind));
    }
  }

  static void check_principal(engine::RuleContext& ctx, NodeId member) {
    const json::Document& doc = ctx.json();
    const json::Node& node = doc.node(member);
    if (node.opaque) return;
    if (!node.is_string() && !node.is_object()) {
      ctx.report(node.range,
                 "{} must be \"*\" or an object such as {{\"AWS\": \"<account or ARN>\"}}, not {}",
                 node.key(), a_kind(node.kind));
      return;
    }
    if (!node.is_object()) return;
    for (NodeId type : doc.children(member)) {
      if (auto wrong = not_string_list(doc, type)) report_in_list(ctx, type, *wrong);
    }
  }

  static void check_condition_block(engine::RuleContext& ctx, NodeId member) {
    const json::Document& doc = ctx.json();
    const json::Node& node = doc.node(member);
    if (node.opaque) return;
    if (!node.is_object()) {
      report(ctx, member, "Condition", "an object of operators");
      return;
    }
    for (NodeId op : doc.children(member)) {
      const json::Node& op_node = doc.node(op);
      if (op_node.opaque) continue;
      if (!op_node.is_object()) {
        ctx.report(op_node.range,
                   "the value of condition operator {} must be an object of condition keys, not {}",
                   op_node.key(), a_kind(op_node.kind));
        continue;
      }
      for (NodeId key : doc.children(op)) {
        auto wrong = not_scalar_list(doc, key);
        if (!wrong) continue;
        const json::Node& value = doc.node(*wrong);
        ctx.report(value.range,
                   "the values of condition key {} must be strings, numbers or booleans (alone or "
                   "in an array), not {}",
                   doc.node(key).key(), a_kind(value.kind));
      }
    }
  }
};

IAMLINT_REGISTER_RULE(WrongJsonType);

}  // namespace
}  // namespace iamlint::rules
