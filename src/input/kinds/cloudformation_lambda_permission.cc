// How Lambda turns a permission's properties into a statement (Lambda developer guide, "Viewing
// resource-based IAM policies in Lambda" and "Granting function access to an organization";
// CloudFormation reference of AWS::Lambda::Permission):
//   Principal "*"                  -> "Principal": "*"
//   a service ("s3.amazonaws.com") -> "Principal": {"Service": ...}
//   an account ID or ARN           -> "Principal": {"AWS": ...}
//   SourceArn                      -> "ArnLike": {"AWS:SourceArn": ...}
//   SourceAccount                  -> "StringEquals": {"AWS:SourceAccount": ...}
//   PrincipalOrgID                 -> "StringEquals": {"aws:PrincipalOrgID": ...}
//   FunctionUrlAuthType            -> "StringEquals": {"lambda:FunctionUrlAuthType": ...}
//   EventSourceToken               -> "StringEquals": {"lambda:EventSourceToken": ...}
//   InvokedViaFunctionUrl: true    -> "Bool": {"lambda:InvokedViaFunctionUrl": "true"}
//   FunctionName                   -> "Resource": the function's ARN
// Each value is copied from the template, so a finding points at the property it came from; the
// rest of the policy stands for the resource as a whole.
#include "input/kinds/cloudformation_lambda_permission.h"

#include <algorithm>
#include <string_view>
#include <vector>

#include "input/offset_map.h"

namespace iamlint::input {
namespace {

using json::NodeId;

// Writes JSON text with a map back to the template: copied values map to themselves, written
// punctuation and names to the place they stand for.
class PolicyWriter {
 public:
  PolicyWriter(const json::Document& doc, std::string_view doc_text)
      : doc_(doc), doc_text_(doc_text) {}

  void write(std::string_view text, ByteRange stands_for) {
    if (text.empty()) return;
    text_ += text;
    map_.replaced(static_cast<uint32_t>(text.size()), stands_for);
  }
  void copy(NodeId value) {
    const ByteRange range = doc_.node(value).range;
    text_ += doc_text_.substr(range.begin, range.size());
    map_.verbatim(range.size(), range.begin);
  }
  // `"name": ` standing for the key of `property`.
  void key(std::string_view name, NodeId property) {
    write(fmt_key(name), doc_.node(property).key_range);
  }

  [[nodiscard]] std::string take_text() { return std::move(text_); }
  [[nodiscard]] OffsetMap take_map() && {
    return std::move(map_).build(static_cast<uint32_t>(doc_text_.size()));
  }

 private:
  static std::string fmt_key(std::string_view name) { return "\"" + std::string(name) + "\": "; }

  const json::Document& doc_;
  std::string_view doc_text_;
  std::string text_;
  OffsetMap::Builder map_;
};

bool is_service(std::string_view principal) {
  return principal.ends_with(".amazonaws.com") || principal.ends_with(".amazon.com") ||
         principal.ends_with(".amazonaws.com.cn");
}

struct ConditionProperty {
  std::string_view property;
  std::string_view op;
  std::string_view key;
};

// In the order Lambda writes them, grouped by operator.
constexpr ConditionProperty kConditions[] = {
    {"SourceArn", "ArnLike", "AWS:SourceArn"},
    {"SourceAccount", "StringEquals", "AWS:SourceAccount"},
    {"PrincipalOrgID", "StringEquals", "aws:PrincipalOrgID"},
    {"FunctionUrlAuthType", "StringEquals", "lambda:FunctionUrlAuthType"},
    {"EventSourceToken", "StringEquals", "lambda:EventSourceToken"},
};

}  // namespace

void add_lambda_permission(Container& c, NodeId resource, NodeId properties, std::string name,
                           void (*mark_opaque)(json::Document&, NodeId)) {
  const json::Document& doc = c.doc();
  const NodeId action = c.member(properties, "Action");
  const NodeId function = c.member(properties, "FunctionName");
  const NodeId principal = c.member(properties, "Principal");
  if (action == json::kNoNode || function == json::kNoNode || principal == json::kNoNode) return;
  const ByteRange whole = doc.node(resource).key_range;
  PolicyWriter w(doc, c.text());
  // Condition operators are objects in one Condition object: `, "Condition": {"Op": {` opens the
  // first, `}, "Op": {` each next.
  bool conditions = false;
  auto open_operator = [&](std::string_view op) {
    w.write(conditions ? R"(}, ")" : R"(, "Condition": {")", whole);
    w.write(std::string(op) + R"(": {)", whole);
    conditions = true;
  };

  w.write(R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", )", whole);
  w.key("Principal", principal);
  const json::Node& who = doc.node(principal);
  if (who.is_string() && who.text() == "*") {
    w.copy(principal);
  } else {
    w.write(who.is_string() && is_service(who.text()) ? R"({"Service": )" : R"({"AWS": )", whole);
    w.copy(principal);
    w.write("}", whole);
  }
  w.write(", ", whole);
  w.key("Action", action);
  w.copy(action);
  w.write(", ", whole);
  w.key("Resource", function);
  // A name or partial ARN stands for the function's ARN, known only once it is deployed.
  const json::Node& target = doc.node(function);
  const bool arn = target.is_string() && target.text().starts_with("arn:");
  if (!target.is_string() || arn) {
    w.copy(function);
  } else {
    w.write(R"({"Ref": )", whole);
    w.copy(function);
    w.write("}", whole);
  }

  // Each operator once, with its keys.
  std::vector<std::string_view> operators;
  for (const ConditionProperty& each : kConditions) {
    if (c.member(properties, each.property) == json::kNoNode) continue;
    if (std::find(operators.begin(), operators.end(), each.op) == operators.end())
      operators.push_back(each.op);
  }
  const NodeId via_url = c.member(properties, "InvokedViaFunctionUrl");
  const bool only_via_url = via_url != json::kNoNode && doc.node(via_url).boolean;
  for (std::string_view op : operators) {
    open_operator(op);
    bool first = true;
    for (const ConditionProperty& each : kConditions) {
      const NodeId value = c.member(properties, each.property);
      if (each.op != op || value == json::kNoNode) continue;
      w.write(first ? "" : ", ", whole);
      first = false;
      w.key(each.key, value);
      w.copy(value);
    }
  }
  if (only_via_url) {
    open_operator("Bool");
    w.key("lambda:InvokedViaFunctionUrl", via_url);
    w.write(R"("true")", doc.node(via_url).range);
  }
  w.write(conditions ? "}}}]}" : "}]}", whole);

  std::string text = w.take_text();
  c.add_policy_from_properties(std::move(text), std::move(w).take_map(), properties,
                               {.kind = ast::PolicyKind::kResource,
                                .attached_to = ast::AttachedResource::kLambdaFunction,
                                .container = std::move(name)},
                               mark_opaque);
}

}  // namespace iamlint::input
