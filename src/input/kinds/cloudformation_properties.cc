#include "input/kinds/cloudformation_properties.h"

#include <algorithm>
#include <array>

namespace iamlint::input {
namespace {

using ast::AttachedResource;
using ast::PolicyKind;

constexpr PolicyKind kIdentity = PolicyKind::kIdentity;
constexpr PolicyKind kResource = PolicyKind::kResource;

// Sorted by resource type, for the lookup.
constexpr std::array kProperties = {
    PolicyProperty{"AWS::ApiGateway::RestApi", "Policy", kResource},
    PolicyProperty{"AWS::Backup::BackupVault", "AccessPolicy", kResource},
    PolicyProperty{"AWS::CodeArtifact::Domain", "PermissionsPolicyDocument", kResource},
    PolicyProperty{"AWS::CodeArtifact::Repository", "PermissionsPolicyDocument", kResource},
    PolicyProperty{"AWS::DynamoDB::GlobalTable", "Replicas[].ResourcePolicy.PolicyDocument",
                   kResource, AttachedResource::kDynamoDbTable},
    PolicyProperty{"AWS::DynamoDB::Table", "ResourcePolicy.PolicyDocument", kResource,
                   AttachedResource::kDynamoDbTable},
    PolicyProperty{"AWS::EC2::VPCEndpoint", "PolicyDocument", kResource,
                   AttachedResource::kEc2VpcEndpoint},
    PolicyProperty{"AWS::ECR::PublicRepository", "RepositoryPolicyText", kResource},
    PolicyProperty{"AWS::ECR::RegistryPolicy", "PolicyText", kResource},
    PolicyProperty{"AWS::ECR::Repository", "RepositoryPolicyText", kResource},
    PolicyProperty{"AWS::EFS::FileSystem", "FileSystemPolicy", kResource},
    PolicyProperty{"AWS::Elasticsearch::Domain", "AccessPolicies", kResource},
    PolicyProperty{"AWS::Events::EventBus", "Policy", kResource},
    PolicyProperty{"AWS::IAM::Group", "Policies[].PolicyDocument", kIdentity},
    PolicyProperty{"AWS::IAM::GroupPolicy", "PolicyDocument", kIdentity},
    PolicyProperty{"AWS::IAM::ManagedPolicy", "PolicyDocument", kIdentity},
    PolicyProperty{"AWS::IAM::Policy", "PolicyDocument", kIdentity},
    PolicyProperty{"AWS::IAM::Role", "AssumeRolePolicyDocument", PolicyKind::kTrust,
                   AttachedResource::kIamAssumeRolePolicyDocument},
    PolicyProperty{"AWS::IAM::Role", "Policies[].PolicyDocument", kIdentity},
    PolicyProperty{"AWS::IAM::RolePolicy", "PolicyDocument", kIdentity},
    PolicyProperty{"AWS::IAM::User", "Policies[].PolicyDocument", kIdentity},
    PolicyProperty{"AWS::IAM::UserPolicy", "PolicyDocument", kIdentity},
    PolicyProperty{"AWS::KMS::Key", "KeyPolicy", kResource},
    PolicyProperty{"AWS::KMS::ReplicaKey", "KeyPolicy", kResource},
    PolicyProperty{"AWS::Kinesis::ResourcePolicy", "ResourcePolicy", kResource},
    PolicyProperty{"AWS::Logs::ResourcePolicy", "PolicyDocument", kResource},
    PolicyProperty{"AWS::OpenSearchService::Domain", "AccessPolicies", kResource},
    PolicyProperty{"AWS::S3::AccessPoint", "Policy", kResource, AttachedResource::kS3AccessPoint},
    PolicyProperty{"AWS::S3::BucketPolicy", "PolicyDocument", kResource,
                   AttachedResource::kS3Bucket},
    PolicyProperty{"AWS::S3::MultiRegionAccessPointPolicy", "Policy", kResource,
                   AttachedResource::kS3MultiRegionAccessPoint},
    PolicyProperty{"AWS::S3Express::BucketPolicy", "PolicyDocument", kResource},
    PolicyProperty{"AWS::S3ObjectLambda::AccessPointPolicy", "PolicyDocument", kResource,
                   AttachedResource::kS3ObjectLambdaAccessPoint},
    PolicyProperty{"AWS::SNS::TopicInlinePolicy", "PolicyDocument", kResource},
    PolicyProperty{"AWS::SNS::TopicPolicy", "PolicyDocument", kResource},
    PolicyProperty{"AWS::SQS::QueueInlinePolicy", "PolicyDocument", kResource},
    PolicyProperty{"AWS::SQS::QueuePolicy", "PolicyDocument", kResource},
    PolicyProperty{"AWS::SSO::PermissionSet", "InlinePolicy", kIdentity},
    PolicyProperty{"AWS::SecretsManager::ResourcePolicy", "ResourcePolicy", kResource},
};

static_assert(std::is_sorted(kProperties.begin(), kProperties.end(),
                             [](const PolicyProperty& a, const PolicyProperty& b) {
                               return a.resource_type < b.resource_type;
                             }));

}  // namespace

std::span<const PolicyProperty> policy_properties(std::string_view resource_type) {
  auto [first, last] = std::equal_range(kProperties.begin(), kProperties.end(),
                                        PolicyProperty{resource_type, "", PolicyKind::kIdentity},
                                        [](const PolicyProperty& a, const PolicyProperty& b) {
                                          return a.resource_type < b.resource_type;
                                        });
  return {first, last};
}

}  // namespace iamlint::input
