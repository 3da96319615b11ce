// IAM301: a condition operator IAM does not know, or Null with IfExists.
#include <string>

#include "catalog/ascii.h"
#include "condition/operator_family.h"
#include "engine/rule.h"

namespace iamlint::rules {
namespace {

bool strip_prefix_folded(std::string_view& text, std::string_view prefix) {
  if (!catalog::starts_with_folded(text, prefix)) return false;
  text.remove_prefix(prefix.size());
  return true;
}

// The operator as IAM spells it when `written` differs only in letter case, else empty.
std::string respelled(std::string_view written) {
  std::string_view rest = written;
  std::string prefix;
  if (strip_prefix_folded(rest, "ForAllValues:"))
    prefix = "ForAllValues:";
  else if (strip_prefix_folded(rest, "ForAnyValue:"))
    prefix = "ForAnyValue:";
  constexpr std::string_view kIfExists = "IfExists";
  bool if_exists = rest.size() > kIfExists.size() &&
                   catalog::equals_folded(rest.substr(rest.size() - kIfExists.size()), kIfExists);
  if (if_exists) rest.remove_suffix(kIfExists.size());
  for (const operators::OperatorInfo& info : operators::kOperators) {
    if (catalog::equals_folded(info.name, rest)) {
      return prefix + std::string(info.name) + (if_exists ? std::string(kIfExists) : std::string());
    }
  }
  return {};
}

class InvalidConditionOperator final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"correctness", "condition"};
  static constexpr std::string_view kCodes[] = {"INVALID_CONDITION_OPERATOR",
                                                "NULL_WITH_IF_EXISTS"};
  static constexpr engine::Equivalent kEquivalents[] = {{"Parliament", "UNKNOWN_OPERATOR"}};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM301",
      .name = "invalid-condition-operator",
      .level = engine::Level::kError,
      .summary = "A condition uses an operator IAM does not define, or Null with IfExists",
      .tags = kTags,
      .precision = engine::Precision::kVeryHigh,
      .access_analyzer_codes = kCodes,
      .equivalents = kEquivalents,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_statement(const ast::Statement& statement, engine::RuleContext& ctx) const override {
    operators::for_each_operator_node(
        ctx.json(), statement, [&](json::NodeId, const json::Node& node) {
          ast::ConditionOperator op =
              ast::split_operator({.value = node.key(), .range = node.key_range});
          const operators::OperatorInfo* known = operators::find(op.base);
          if (known == nullptr) {
            std::string fixed = respelled(node.key());
            if (!fixed.empty()) {
              ctx.report(node.key_range,
                         "Condition operator \"{}\" is spelled \"{}\" in IAM; write \"{}\"",
                         node.key(), fixed, fixed)
                  .code("INVALID_CONDITION_OPERATOR");
            } else {
              ctx.report(node.key_range,
                         "\"{}\" is not a condition operator; use a String, Numeric, Date, Bool, "
                         "Binary, IpAddress, Arn or Null operator (e.g. \"StringEquals\")",
                         node.key())
                  .code("INVALID_CONDITION_OPERATOR");
            }
          } else if (known->family == operators::Family::kNull && op.if_exists) {
            ctx.report(
                   node.key_range,
                   "\"{}\": Null already tests whether the key exists and cannot take IfExists; "
                   "write \"Null\"",
                   node.key())
                .code("NULL_WITH_IF_EXISTS");
          }
        });
  }
};

IAMLINT_REGISTER_RULE(InvalidConditionOperator);

}  // namespace
}  // namespace iamlint::rules
