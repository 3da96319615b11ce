// A CloudFormation template, JSON or YAML (SAM and CDK-synthesised templates included): the
// policies of the resources in cloudformation_properties.h, each with the kind its property
// gives it; the roles, users and groups of the template with their policies
// (cloudformation_principals.h).
//
// Intrinsic functions ({"Ref": ...}, {"Fn::Sub": ...}, !GetAtt, ...) are values known only when
// the stack is deployed: they are marked opaque, so that they satisfy the policy grammar and the
// rules leave them alone.
#include <map>
#include <vector>

#include "input/container.h"
#include "input/kinds/cloudformation_lambda_permission.h"
#include "input/kinds/cloudformation_principals.h"
#include "input/kinds/cloudformation_properties.h"

namespace iamlint::input {
namespace {

using json::NodeId;

bool detect(const json::Document& doc) {
  const NodeId root = doc.root();
  if (!doc.node(root).is_object()) return false;
  if (doc.find_member(root, "AWSTemplateFormatVersion") != json::kNoNode) return true;
  const NodeId resources = doc.find_member(root, "Resources");
  if (resources == json::kNoNode || !doc.node(resources).is_object()) return false;
  for (NodeId resource : doc.children(resources)) {
    if (!doc.node(resource).is_object()) continue;
    const NodeId type = doc.find_member(resource, "Type");
    if (type != json::kNoNode && doc.node(type).is_string() &&
        doc.node(type).text().find("::") != std::string_view::npos) {
      return true;
    }
  }
  return false;
}

// {"Ref": ...}, {"Fn::...": ...}, and {"Condition": "Name"} (a condition function's reference;
// a statement's Condition element holds an object).
bool is_intrinsic(const json::Document& doc, NodeId id) {
  const json::Node& node = doc.node(id);
  if (!node.is_object() || node.child_count != 1) return false;
  const json::Node& member = doc.node(node.first_child);
  return member.key() == "Ref" || member.key().starts_with("Fn::") ||
         (member.key() == "Condition" && member.is_string());
}

// Marks the intrinsic functions in and under `root`; their arguments are left unmarked, as no
// rule looks inside an opaque value.
void mark_intrinsics(json::Document& doc, NodeId root) {
  std::vector<NodeId> pending = {root};
  while (!pending.empty()) {
    const NodeId id = pending.back();
    pending.pop_back();
    if (is_intrinsic(doc, id)) {
      doc.mark_opaque(id);
      continue;
    }
    for (NodeId child : doc.children(id)) pending.push_back(child);
  }
}

class TemplateReader {
 public:
  explicit TemplateReader(Container& container) : c_(container) {}

  void read() {
    const NodeId resources = c_.member(c_.doc().root(), "Resources");
    if (resources == json::kNoNode) return;
    for (NodeId resource : c_.doc().children(resources)) {
      const std::string_view type = c_.string_member(resource, "Type");
      const NodeId properties = c_.member(resource, "Properties");
      if (type.empty() || properties == json::kNoNode) continue;
      const std::string container =
          std::string(type) + " " + std::string(c_.doc().node(resource).key());
      for (const PolicyProperty& property : policy_properties(type)) {
        for (NodeId value : c_.values_at(properties, property.path)) {
          add(value,
              {.kind = property.kind, .attached_to = property.attached_to, .container = container});
        }
      }
      if (type == "AWS::Organizations::Policy") read_organizations_policy(properties, container);
      if (type == "AWS::Lambda::Permission") {
        add_lambda_permission(c_, resource, properties, container, mark_intrinsics);
      }
      if (type == "AWS::Serverless::Function" || type == "AWS::Serverless::StateMachine") {
        read_sam_policies(properties, container);
      }
    }
    add_template_principals(c_, resources, policy_of_);
  }

 private:
  std::optional<std::size_t> add(NodeId value, PolicyOrigin origin) {
    mark_intrinsics(c_.doc(), value);
    const std::optional<std::size_t> index = c_.add_policy(value, std::move(origin));
    if (index) policy_of_.emplace(value, *index);
    return index;
  }

  // Organizations policies of other types (tag, backup, AI opt-out policies) are not IAM
  // policies; a Type given by an intrinsic function is not known.
  void read_organizations_policy(NodeId properties, const std::string& container) {
    const std::string_view type = c_.string_member(properties, "Type");
    std::optional<ast::PolicyKind> kind;
    if (type == "SERVICE_CONTROL_POLICY") kind = ast::PolicyKind::kScp;
    if (type == "RESOURCE_CONTROL_POLICY") kind = ast::PolicyKind::kRcp;
    const NodeId content = c_.member(properties, "Content");
    if (kind && content != json::kNoNode) add(content, {.kind = kind, .container = container});
  }

  // SAM's Policies (sam_policy_entries): only the documents are policies to lint.
  void read_sam_policies(NodeId properties, const std::string& container) {
    for (NodeId entry : sam_policy_entries(c_, properties)) {
      if (c_.member(entry, "Statement") == json::kNoNode) continue;
      add(entry, {.kind = ast::PolicyKind::kIdentity, .container = container});
    }
  }

  Container& c_;
  std::map<NodeId, std::size_t> policy_of_;  // the index of each policy added, by its node
};

void extract(Container& container) {
  TemplateReader(container).read();
}

constexpr DocumentKind kCloudFormation{
    .name = "cloudformation",
    .description = "a CloudFormation template, JSON or YAML",
    .detect = detect,
    .extract = extract,
};

IAMLINT_REGISTER_DOCUMENT_KIND(kCloudFormation);

}  // namespace
}  // namespace iamlint::input
