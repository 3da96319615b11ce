// IAM306: condition values of a JSON type the operator cannot take, values that mix JSON types,
// and Bool given several values.
#include "condition/operator_family.h"
#include "engine/rule.h"

namespace iamlint::rules {
namespace {

using json::Kind;

// The JSON scalar kinds an operator family accepts (quotes are optional around numbers and
// Booleans, so a string is always accepted).
bool accepts(operators::Family family, Kind kind) {
  if (kind == Kind::kString) return true;
  switch (family) {
    case operators::Family::kBool:
    case operators::Family::kNull:
      return kind == Kind::kBool;
    case operators::Family::kNumeric:
    case operators::Family::kDate:
      return kind == Kind::kNumber;
    case operators::Family::kString:
      return kind == Kind::kNumber || kind == Kind::kBool;
    default:
      return false;
  }
}

std::string_view written(const engine::RuleContext& ctx, const json::Node& node) {
  return ctx.source_text().substr(node.range.begin, node.range.size());
}

class InvalidConditionValueType final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"correctness", "condition"};
  static constexpr std::string_view kCodes[] = {"INVALID_CONDITION_DATA_TYPE",
                                                "INVALID_CONDITION_MULTIPLE_BOOLEAN"};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM306",
      .name = "invalid-condition-value-type",
      .level = engine::Level::kError,
      .summary =
          "Condition values have a JSON type the operator cannot take, mix JSON types, or give "
          "Bool several values",
      .tags = kTags,
      .precision = engine::Precision::kHigh,
      .access_analyzer_codes = kCodes,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_condition(const ast::Statement&, const ast::Condition& condition,
                       engine::RuleContext& ctx) const override {
    const json::Document& doc = ctx.json();
    const json::Node& value = doc.node(condition.key.node);
    operators::Family family = operators::family_of(condition.op);
    // An opaque value (a CloudFormation intrinsic function) stands for a value of the right type.
    if (value.opaque) return;
    if (value.is_object()) {
      ctx.report(value.range,
                 "The value of \"{}\" is an object; write a string or an array of strings",
                 condition.key.value)
          .code("INVALID_CONDITION_DATA_TYPE");
      return;
    }
    const json::Node* first = nullptr;
    auto check = [&](const json::Node& element) {
      if (element.opaque) return;
      if (element.is_container() || element.kind == Kind::kNull) {
        ctx.report(element.range, "A value of \"{}\" is {}; write a string", condition.key.value,
                   element.kind == Kind::kNull ? "null" : "a nested JSON container")
            .code("INVALID_CONDITION_DATA_TYPE");
        return;
      }
      if (family != operators::Family::kUnknown && !accepts(family, element.kind)) {
        ctx.report(element.range, "{} value {} is a JSON {}; {} takes {}", condition.op.text.value,
                   written(ctx, element), json::kind_name(element.kind), condition.op.base,
                   family == operators::Family::kBool || family == operators::Family::kNull
                       ? "\"true\" or \"false\""
                   : family == operators::Family::kNumeric || family == operators::Family::kDate
                       ? "a number or a string"
                       : "a string")
            .code("INVALID_CONDITION_DATA_TYPE");
      } else if (first != nullptr && first->kind != element.kind) {
        ctx.report(element.range,
                   "The values of \"{}\" mix a JSON {} and a JSON {}; write them all as strings",
                   condition.key.value, json::kind_name(first->kind), json::kind_name(element.kind))
            .code("INVALID_CONDITION_DATA_TYPE");
      }
      if (first == nullptr) first = &element;
    };
    if (value.is_array()) {
      for (json::NodeId element : doc.children(condition.key.node)) check(doc.node(element));
    } else {
      check(value);
    }
    if (family == operators::Family::kBool && condition.op.qualifier == ast::SetQualifier::kNone &&
        condition.values.size() > 1) {
      ctx.report(condition.values_range, "\"{}\" takes a single Boolean; keep one of the {} values",
                 condition.key.value, condition.values.size())
          .code("INVALID_CONDITION_MULTIPLE_BOOLEAN");
    }
  }
};

IAMLINT_REGISTER_RULE(InvalidConditionValueType);

}  // namespace
}  // namespace iamlint::rules
