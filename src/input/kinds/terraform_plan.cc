// A Terraform plan or state as `terraform show -json` writes it: the policies that the planned
// resources will have (resource_changes[].change.after), the aws_iam_policy_document data sources
// (planned, or read into the prior state), and, for a state, every resource's values. The AWS
// provider keeps policies as JSON strings, which are decoded and parsed with a map back to their
// escapes. A value known only after apply is absent from `after`; it is not linted, and is no
// error.
#include <algorithm>
#include <array>
#include <set>
#include <string>

#include "input/container.h"

namespace iamlint::input {
namespace {

using ast::AttachedResource;
using ast::PolicyKind;
using json::NodeId;

struct PolicyAttribute {
  std::string_view resource_type;
  std::string_view path;           // as Container::values_at takes it: "inline_policy[].policy"
  std::optional<PolicyKind> kind;  // nullopt: the policy says (aws_iam_policy_document)
  std::optional<AttachedResource> attached_to = std::nullopt;
};

constexpr PolicyKind kIdentity = PolicyKind::kIdentity;
constexpr PolicyKind kResource = PolicyKind::kResource;

// The AWS provider's attributes that hold policy documents (Terraform registry, hashicorp/aws v5);
// aws_organizations_policy is read apart, as its type decides.
constexpr std::array kAttributes = {
    PolicyAttribute{"aws_api_gateway_rest_api", "policy", kResource},
    PolicyAttribute{"aws_api_gateway_rest_api_policy", "policy", kResource},
    PolicyAttribute{"aws_backup_vault_policy", "policy", kResource},
    PolicyAttribute{"aws_cloudwatch_event_bus_policy", "policy", kResource},
    PolicyAttribute{"aws_cloudwatch_log_resource_policy", "policy_document", kResource},
    PolicyAttribute{"aws_codeartifact_domain_permissions_policy", "policy_document", kResource},
    PolicyAttribute{"aws_codeartifact_repository_permissions_policy", "policy_document", kResource},
    PolicyAttribute{"aws_dynamodb_resource_policy", "policy", kResource,
                    AttachedResource::kDynamoDbTable},
    PolicyAttribute{"aws_ecr_registry_policy", "policy", kResource},
    PolicyAttribute{"aws_ecr_repository_policy", "policy", kResource},
    PolicyAttribute{"aws_efs_file_system_policy", "policy", kResource},
    PolicyAttribute{"aws_elasticsearch_domain_policy", "access_policies", kResource},
    PolicyAttribute{"aws_glacier_vault", "access_policy", kResource},
    PolicyAttribute{"aws_iam_group_policy", "policy", kIdentity},
    PolicyAttribute{"aws_iam_policy", "policy", kIdentity},
    PolicyAttribute{"aws_iam_policy_document", "json", std::nullopt},
    PolicyAttribute{"aws_iam_role", "assume_role_policy", PolicyKind::kTrust,
                    AttachedResource::kIamAssumeRolePolicyDocument},
    PolicyAttribute{"aws_iam_role", "inline_policy[].policy", kIdentity},
    PolicyAttribute{"aws_iam_role_policy", "policy", kIdentity},
    PolicyAttribute{"aws_iam_user_policy", "policy", kIdentity},
    PolicyAttribute{"aws_kms_key", "policy", kResource},
    PolicyAttribute{"aws_kms_replica_key", "policy", kResource},
    PolicyAttribute{"aws_opensearch_domain", "access_policies", kResource},
    PolicyAttribute{"aws_opensearch_domain_policy", "access_policies", kResource},
    PolicyAttribute{"aws_s3_access_point", "policy", kResource, AttachedResource::kS3AccessPoint},
    PolicyAttribute{"aws_s3_bucket", "policy", kResource, AttachedResource::kS3Bucket},
    PolicyAttribute{"aws_s3_bucket_policy", "policy", kResource, AttachedResource::kS3Bucket},
    PolicyAttribute{"aws_s3control_access_point_policy", "policy", kResource,
                    AttachedResource::kS3AccessPoint},
    PolicyAttribute{"aws_s3control_multi_region_access_point_policy", "details[].policy", kResource,
                    AttachedResource::kS3MultiRegionAccessPoint},
    PolicyAttribute{"aws_s3control_object_lambda_access_point_policy", "policy", kResource,
                    AttachedResource::kS3ObjectLambdaAccessPoint},
    PolicyAttribute{"aws_secretsmanager_secret", "policy", kResource},
    PolicyAttribute{"aws_secretsmanager_secret_policy", "policy", kResource},
    PolicyAttribute{"aws_sns_topic", "policy", kResource},
    PolicyAttribute{"aws_sns_topic_policy", "policy", kResource},
    PolicyAttribute{"aws_sqs_queue", "policy", kResource},
    PolicyAttribute{"aws_sqs_queue_policy", "policy", kResource},
    PolicyAttribute{"aws_ssoadmin_permission_set_inline_policy", "inline_policy", kIdentity},
    PolicyAttribute{"aws_vpc_endpoint", "policy", kResource, AttachedResource::kEc2VpcEndpoint},
    PolicyAttribute{"aws_vpc_endpoint_policy", "policy", kResource,
                    AttachedResource::kEc2VpcEndpoint},
};

constexpr auto kByType = [](const PolicyAttribute& a, const PolicyAttribute& b) {
  return a.resource_type < b.resource_type;
};
static_assert(std::is_sorted(kAttributes.begin(), kAttributes.end(), kByType));

bool detect(const json::Document& doc) {
  const NodeId root = doc.root();
  if (!doc.node(root).is_object() || doc.find_member(root, "format_version") == json::kNoNode) {
    return false;
  }
  for (std::string_view member :
       {"terraform_version", "resource_changes", "planned_values", "prior_state", "values"}) {
    if (doc.find_member(root, member) != json::kNoNode) return true;
  }
  return false;
}

class PlanReader {
 public:
  explicit PlanReader(Container& container) : c_(container) {}

  void read() {
    const NodeId root = c_.doc().root();
    // What the plan will create or change, data sources read at apply included.
    for (NodeId change : c_.values_at(root, "resource_changes[]")) {
      const NodeId after = c_.member(c_.member(change, "change"), "after");
      if (after != json::kNoNode && c_.doc().node(after).is_object()) read_resource(change, after);
    }
    // Data sources read while planning sit in the prior state; a state holds everything.
    for (NodeId module : modules(c_.member(c_.member(root, "prior_state"), "values"))) {
      for (NodeId resource : c_.values_at(module, "resources[]")) {
        if (c_.string_member(resource, "mode") == "data") {
          read_resource(resource, c_.member(resource, "values"));
        }
      }
    }
    for (NodeId module : modules(c_.member(root, "values"))) {
      for (NodeId resource : c_.values_at(module, "resources[]")) {
        read_resource(resource, c_.member(resource, "values"));
      }
    }
  }

 private:
  // The root module of a state's values and every module under it.
  std::vector<NodeId> modules(NodeId values) const {
    std::vector<NodeId> found;
    std::vector<NodeId> pending;
    const NodeId root = c_.member(values, "root_module");
    if (root != json::kNoNode) pending.push_back(root);
    while (!pending.empty()) {
      const NodeId module = pending.back();
      pending.pop_back();
      found.push_back(module);
      for (NodeId child : c_.values_at(module, "child_modules[]")) pending.push_back(child);
    }
    std::sort(found.begin(), found.end());  // document order
    return found;
  }

  // `resource` has the address and type; `values` its attributes. A resource is read once,
  // where it first appears (a data source can be both planned and in the prior state).
  void read_resource(NodeId resource, NodeId values) {
    const std::string_view type = c_.string_member(resource, "type");
    const std::string address(c_.string_member(resource, "address"));
    if (values == json::kNoNode || !c_.doc().node(values).is_object() ||
        !read_.insert(address).second) {
      return;
    }
    auto [first, last] = std::equal_range(kAttributes.begin(), kAttributes.end(),
                                          PolicyAttribute{type, ""}, kByType);
    for (auto attribute = first; attribute != last; ++attribute) {
      for (NodeId value : c_.values_at(values, attribute->path)) {
        c_.add_policy(
            value,
            {.kind = attribute->kind, .attached_to = attribute->attached_to, .container = address});
      }
    }
    if (type == "aws_organizations_policy") read_organizations_policy(values, address);
  }

  // Organizations policies of other types (tag, backup, AI opt-out policies) are not IAM
  // policies.
  void read_organizations_policy(NodeId values, const std::string& address) {
    const std::string_view type = c_.string_member(values, "type");
    std::optional<PolicyKind> kind;
    if (type == "SERVICE_CONTROL_POLICY") kind = PolicyKind::kScp;
    if (type == "RESOURCE_CONTROL_POLICY") kind = PolicyKind::kRcp;
    const NodeId content = c_.member(values, "content");
    if (kind && content != json::kNoNode)
      c_.add_policy(content, {.kind = kind, .container = address});
  }

  Container& c_;
  std::set<std::string> read_;  // addresses
};

void extract(Container& container) {
  PlanReader(container).read();
}

constexpr DocumentKind kTerraformPlan{
    .name = "terraform-plan",
    .description = "a Terraform plan or state (terraform show -json)",
    .detect = detect,
    .extract = extract,
};

IAMLINT_REGISTER_DOCUMENT_KIND(kTerraformPlan);

}  // namespace
}  // namespace iamlint::input
