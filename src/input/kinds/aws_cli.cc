// The output of the AWS CLI commands that return one policy (JSON output, as the CLI prints it):
// IAM's documents come as objects (the CLI decodes them), the other services' as JSON strings.
#include <array>
#include <string>

#include "input/container.h"

namespace iamlint::input {
namespace {

using ast::AttachedResource;
using ast::PolicyKind;
using json::NodeId;

struct CliOutput {
  std::string_view command;   // e.g. "iam get-policy-version"
  std::string_view document;  // where the policy is, as Container::values_at takes it
  std::string_view also;      // a member the output also has (tells lambda's from S3's), or empty
  std::string_view unless;    // a member it does not have, or empty
  std::optional<PolicyKind> kind;
  std::optional<AttachedResource> attached_to = std::nullopt;
};

// Tried in order: the first whose members are there reads the file. organizations
// describe-policy is here for detection; its kind comes from the policy type.
constexpr std::array kOutputs = {
    CliOutput{"iam get-policy-version", "PolicyVersion.Document", "", "", PolicyKind::kIdentity},
    CliOutput{"iam get-role", "Role.AssumeRolePolicyDocument", "", "", PolicyKind::kTrust,
              AttachedResource::kIamAssumeRolePolicyDocument},
    CliOutput{"iam get-role-policy", "PolicyDocument", "RoleName", "", PolicyKind::kIdentity},
    CliOutput{"iam get-user-policy", "PolicyDocument", "UserName", "", PolicyKind::kIdentity},
    CliOutput{"iam get-group-policy", "PolicyDocument", "GroupName", "", PolicyKind::kIdentity},
    CliOutput{"organizations describe-policy", "Policy.Content", "Policy.PolicySummary", "",
              std::nullopt},
    CliOutput{"lambda get-policy", "Policy", "RevisionId", "", PolicyKind::kResource},
    CliOutput{"kms get-key-policy", "Policy", "PolicyName", "", PolicyKind::kResource},
    CliOutput{"s3api get-bucket-policy", "Policy", "", "", PolicyKind::kResource,
              AttachedResource::kS3Bucket},
    CliOutput{"sns get-topic-attributes", "Attributes.Policy", "Attributes.TopicArn", "",
              PolicyKind::kResource},
    CliOutput{"sqs get-queue-attributes", "Attributes.Policy", "", "Attributes.TopicArn",
              PolicyKind::kResource},
    CliOutput{"secretsmanager get-resource-policy", "ResourcePolicy", "ARN", "",
              PolicyKind::kResource},
    CliOutput{"ecr get-repository-policy", "policyText", "repositoryName", "",
              PolicyKind::kResource},
};

// The value at a path of member names ("Policy.PolicySummary"), or kNoNode.
NodeId value_at(const json::Document& doc, std::string_view path) {
  NodeId at = doc.root();
  while (!path.empty() && at != json::kNoNode) {
    const std::size_t dot = path.find('.');
    if (!doc.node(at).is_object()) return json::kNoNode;
    at = doc.find_member(at, path.substr(0, dot));
    path = dot == std::string_view::npos ? "" : path.substr(dot + 1);
  }
  return at;
}

const CliOutput* output_of(const json::Document& doc) {
  for (const CliOutput& output : kOutputs) {
    if (value_at(doc, output.document) == json::kNoNode) continue;
    if (!output.also.empty() && value_at(doc, output.also) == json::kNoNode) continue;
    if (!output.unless.empty() && value_at(doc, output.unless) != json::kNoNode) continue;
    return &output;
  }
  return nullptr;
}

bool detect(const json::Document& doc) {
  return doc.node(doc.root()).is_object() && output_of(doc) != nullptr;
}

void extract(Container& container) {
  const json::Document& doc = container.doc();
  const CliOutput* output = output_of(doc);
  std::optional<PolicyKind> kind = output->kind;
  if (output->command == "organizations describe-policy") {
    // Tag, backup and AI opt-out policies are not IAM policies.
    const std::string_view type =
        container.string_member(value_at(doc, "Policy.PolicySummary"), "Type");
    if (type == "SERVICE_CONTROL_POLICY") kind = PolicyKind::kScp;
    if (type == "RESOURCE_CONTROL_POLICY") kind = PolicyKind::kRcp;
    if (!kind) return;
  }
  container.add_policy(value_at(doc, output->document),
                       {.kind = kind,
                        .attached_to = output->attached_to,
                        .container = std::string(output->command)});
}

constexpr DocumentKind kAwsCli{
    .name = "aws-cli",
    .description = "the output of an AWS CLI command that returns a policy",
    .detect = detect,
    .extract = extract,
};

IAMLINT_REGISTER_DOCUMENT_KIND(kAwsCli);

}  // namespace
}  // namespace iamlint::input
