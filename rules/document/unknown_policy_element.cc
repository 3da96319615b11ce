// IAM004: a key that is not an element of the policy grammar, at the top level
// or in a statement. Element names are case-sensitive, so "effect" is unknown
// too; the message names the spelling meant when only the case differs.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "engine/rule.h"
#include "grammar.h"

namespace iamlint::rules {
namespace {

template <std::size_t N>
void check_keys(const std::array<std::string_view, N>& known, std::string_view where,
                json::NodeId object, engine::RuleContext& ctx) {
  const json::Document& doc = ctx.json();
  for (json::NodeId member : doc.children(object)) {
    const json::Node& node = doc.node(member);
    if (document::contains(known, node.key())) continue;
    auto meant = std::find_if(known.begin(), known.end(), [&](std::string_view name) {
      return document::equal_ignoring_case(name, node.key());
    });
    if (meant != known.end()) {
      ctx.report(node.key_range,
                 "\"{}\" is not a {} element; element names are case-sensitive: write \"{}\"",
                 node.key(), where, *meant);
    } else {
      ctx.report(node.key_range, "\"{}\" is not a {} element; remove it (a {} has only {})",
                 node.key(), where, where, fmt::join(known, ", "));
    }
  }
}

class UnknownPolicyElement final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"correctness"};
  static constexpr std::string_view kCodes[] = {"INVALID_POLICY_ELEMENT"};
  static constexpr engine::Equivalent kEquivalents[] = {{"Parliament", "MALFORMED"},
                                                        {"cfn-lint", "E3510"}};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM004",
      .name = "unknown-policy-element",
      .level = engine::Level::kError,
      .summary = "A policy or statement has a key that is not an element of the policy grammar",
      .tags = kTags,
      .precision = engine::Precision::kVeryHigh,
      .access_analyzer_codes = kCodes,
      .equivalents = kEquivalents,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_policy(const ast::Policy& policy, engine::RuleContext& ctx) const override {
    check_keys(document::kPolicyElements, "policy", policy.node, ctx);
  }

  void check_statement(const ast::Statement& statement, engine::RuleContext& ctx) const override {
    check_keys(document::kStatementElements, "statement", statement.node, ctx);
  }
};

IAMLINT_REGISTER_RULE(UnknownPolicyElement);

}  // namespace
}  // namespace iamlint::rules
