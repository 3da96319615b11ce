// The typed policy: what the IAM policy grammar says a document means, with the byte range and
// JSON node of every part, so that rules can point at exactly what they judge.
//
// Lowering is tolerant: a value of the wrong JSON type is left out of the typed view (its JSON
// node is still there for the grammar rules), so every rule sees a well-formed tree. So is an
// opaque value (json::Node::opaque, a CloudFormation intrinsic function): a list that held one
// says so with `unknown`, as it may stand for any value there.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "json/document.h"
#include "support/byte_range.h"

namespace iamlint::ast {

// What a policy is, as --policy-type names it. A permissions boundary is an identity policy by
// grammar and a guardrail by meaning: rules written for identity policies apply to it (see
// grammar_of), rules that judge what a policy grants do not (see is_guardrail).
enum class PolicyKind : uint8_t { kIdentity, kResource, kTrust, kScp, kRcp, kBoundary };

// "identity", "resource", "trust", "scp", "rcp" or "boundary": the --policy-type spelling.
[[nodiscard]] std::string_view policy_kind_name(PolicyKind kind);
// The kind a --policy-type name (or a configuration's policy-type) names; nullopt if none does.
[[nodiscard]] std::optional<PolicyKind> parse_policy_kind(std::string_view name);

// The kind whose grammar a policy follows: kIdentity for a permissions boundary, else the kind.
[[nodiscard]] constexpr PolicyKind grammar_of(PolicyKind kind) {
  return kind == PolicyKind::kBoundary ? PolicyKind::kIdentity : kind;
}

// SCPs, RCPs and permissions boundaries grant nothing: they cap what identity and resource
// policies may grant, so an Allow in them is a limit, not a grant.
[[nodiscard]] constexpr bool is_guardrail(PolicyKind kind) {
  return kind == PolicyKind::kScp || kind == PolicyKind::kRcp || kind == PolicyKind::kBoundary;
}

// The SCP language a service control policy is judged by (--scp-syntax). Since September 2025 SCPs
// take the full IAM policy language but Principal; before, Condition and NotAction were for Deny
// only, Allow only on "*", NotResource not at all, and action wildcards only at the end.
enum class ScpSyntax : uint8_t { k2025, kLegacy };

// "2025" or "legacy": the --scp-syntax spelling.
[[nodiscard]] std::string_view scp_syntax_name(ScpSyntax syntax);
[[nodiscard]] std::optional<ScpSyntax> parse_scp_syntax(std::string_view name);

// The resource a resource policy is attached to (--resource-type): the types Access Analyzer's
// validatePolicyResourceType checks policies against (the first six), then the others its
// CheckNoPublicAccess accepts, for which validation has no type-specific checks, then the VPC
// endpoint, whose policy Access Analyzer does not take (see limits_only).
enum class AttachedResource : uint8_t {
  kS3Bucket,
  kS3AccessPoint,
  kS3MultiRegionAccessPoint,
  kS3ObjectLambdaAccessPoint,
  kIamAssumeRolePolicyDocument,
  kDynamoDbTable,
  kDynamoDbStream,
  kEfsFileSystem,
  kOpenSearchDomain,
  kKinesisStream,
  kKinesisStreamConsumer,
  kKmsKey,
  kLambdaFunction,
  kS3ExpressDirectoryBucket,
  kS3ExpressAccessPoint,
  kS3Glacier,
  kS3OutpostsBucket,
  kS3OutpostsAccessPoint,
  kS3TablesTableBucket,
  kS3TablesTable,
  kSecretsManagerSecret,
  kSnsTopic,
  kSqsQueue,
  kApiGatewayRestApi,
  kCodeArtifactDomain,
  kBackupVault,
  kCloudTrailDashboard,
  kCloudTrailEventDataStore,
  kEc2VpcEndpoint,
};

// Whether Access Analyzer's validation knows the type (validatePolicyResourceType): the checks of
// what a policy attached to it may name apply only then.
[[nodiscard]] constexpr bool validated_type(AttachedResource resource) {
  return resource <= AttachedResource::kDynamoDbTable;
}

// A VPC endpoint policy is a resource policy by grammar and a limit by meaning, as a guardrail
// is: it decides which principals may use the endpoint to reach a service, and their identity
// and resource policies must still allow each request (AWS's default endpoint policy allows "*"
// to "*" on "*"). Rules that judge what a policy grants do not apply to it.
[[nodiscard]] constexpr bool limits_only(PolicyKind kind,
                                         std::optional<AttachedResource> attached) {
  return is_guardrail(kind) || attached == AttachedResource::kEc2VpcEndpoint;
}

// Their names, in the order of the enumeration: "AWS::S3::Bucket" and so on.
inline constexpr std::string_view kAttachedResourceNames[] = {
    "AWS::S3::Bucket",
    "AWS::S3::AccessPoint",
    "AWS::S3::MultiRegionAccessPoint",
    "AWS::S3ObjectLambda::AccessPoint",
    "AWS::IAM::AssumeRolePolicyDocument",
    "AWS::DynamoDB::Table",
    "AWS::DynamoDB::Stream",
    "AWS::EFS::FileSystem",
    "AWS::OpenSearchService::Domain",
    "AWS::Kinesis::Stream",
    "AWS::Kinesis::StreamConsumer",
    "AWS::KMS::Key",
    "AWS::Lambda::Function",
    "AWS::S3Express::DirectoryBucket",
    "AWS::S3Express::AccessPoint",
    "AWS::S3::Glacier",
    "AWS::S3Outposts::Bucket",
    "AWS::S3Outposts::AccessPoint",
    "AWS::S3Tables::TableBucket",
    "AWS::S3Tables::Table",
    "AWS::SecretsManager::Secret",
    "AWS::SNS::Topic",
    "AWS::SQS::Queue",
    "AWS::ApiGateway::RestApi",
    "AWS::CodeArtifact::Domain",
    "AWS::Backup::BackupVault",
    "AWS::CloudTrail::Dashboard",
    "AWS::CloudTrail::EventDataStore",
    "AWS::EC2::VPCEndpoint",
};

[[nodiscard]] std::string_view attached_resource_name(AttachedResource resource);
[[nodiscard]] std::optional<AttachedResource> parse_attached_resource(std::string_view name);
// Every name, for messages and --help.
[[nodiscard]] std::string attached_resource_names();

// A JSON string scalar.
struct Text {
  std::string_view value;
  ByteRange range;
  json::NodeId node = json::kNoNode;
};

// One entry of Action or NotAction, e.g. "s3:Get*" or "*".
struct Action {
  Text text;
  std::string_view service;  // before the first ':'; empty when there is no ':'
  std::string_view name;     // after the first ':'; the whole text when there is no ':'
  [[nodiscard]] bool has_service() const { return text.value.find(':') != std::string_view::npos; }
};

// The six colon-separated fields of an ARN. `resource` keeps any further colons.
struct Arn {
  std::string_view partition;
  std::string_view service;
  std::string_view region;
  std::string_view account;
  std::string_view resource;
};

// Splits "arn:partition:service:region:account:resource"; nullopt when the text does not start
// with "arn:" or has fewer than six fields.
[[nodiscard]] std::optional<Arn> split_arn(std::string_view text);

// One entry of Resource or NotResource.
struct Resource {
  Text text;
  std::optional<Arn> arn;  // set when the text is shaped like an ARN
};

enum class PrincipalType : uint8_t { kAws, kService, kFederated, kCanonicalUser, kUnknown };

// One principal value, e.g. {"AWS": "arn:aws:iam::111122223333:root"} gives type kAws.
struct PrincipalEntry {
  PrincipalType type = PrincipalType::kUnknown;
  std::string_view type_key;  // the map key as written ("AWS", "Service", ...)
  Text text;
};

// Principal or NotPrincipal.
struct Principal {
  ByteRange range;
  json::NodeId node = json::kNoNode;
  bool is_wildcard = false;  // the bare string "*": everyone, anonymous callers included
  std::vector<PrincipalEntry> entries;
  bool unknown = false;  // it, or some of its values, is opaque: known only at deployment
};

enum class SetQualifier : uint8_t { kNone, kForAllValues, kForAnyValue };

// A condition operator split into its parts, e.g. "ForAnyValue:StringLikeIfExists" gives
// qualifier kForAnyValue, base "StringLike", if_exists true.
struct ConditionOperator {
  Text text;
  SetQualifier qualifier = SetQualifier::kNone;
  std::string_view base;
  bool if_exists = false;
};

[[nodiscard]] ConditionOperator split_operator(Text text);

struct ConditionValue {
  std::string_view text;  // a string's decoded text, a number as written, "true"/"false"/"null"
  json::Kind kind = json::Kind::kString;
  ByteRange range;
};

// One key under one operator: {"StringEquals": {"aws:PrincipalOrgID": ["o-123"]}}.
struct Condition {
  ConditionOperator op;
  Text key;
  ByteRange values_range;  // the whole value, scalar or array
  std::vector<ConditionValue> values;
  bool unknown = false;  // some values are opaque: known only at deployment
};

// A list-valued element (Action, Resource and their Not forms) as written.
template <class Entry>
struct EntryList {
  Text name;        // the element's key, e.g. "NotAction"
  ByteRange range;  // the value, string or array
  json::NodeId node = json::kNoNode;
  std::vector<Entry> entries;
  bool unknown = false;  // it, or some of its entries, is opaque: known only at deployment
};

enum class Effect : uint8_t { kAllow, kDeny, kInvalid };

struct Statement {
  uint32_t index = 0;
  ByteRange range;
  json::NodeId node = json::kNoNode;
  std::optional<Text> sid;
  std::optional<Text> effect_text;
  Effect effect = Effect::kInvalid;  // kInvalid also when Effect is missing
  std::optional<Principal> principal;
  std::optional<Principal> not_principal;
  std::optional<EntryList<Action>> action;
  std::optional<EntryList<Action>> not_action;
  std::optional<EntryList<Resource>> resource;
  std::optional<EntryList<Resource>> not_resource;
  json::NodeId condition_node = json::kNoNode;
  std::vector<Condition> conditions;

  [[nodiscard]] bool allows() const { return effect == Effect::kAllow; }
  [[nodiscard]] bool has_principal() const { return principal || not_principal; }
};

struct Policy {
  PolicyKind kind = PolicyKind::kIdentity;
  std::optional<AttachedResource> attached_to;  // from --resource-type
  ScpSyntax scp_syntax = ScpSyntax::k2025;      // from --scp-syntax; only SCPs are affected
  ByteRange range;
  json::NodeId node = json::kNoNode;
  std::optional<Text> version;
  std::optional<Text> id;
  json::NodeId statement_node = json::kNoNode;
  std::vector<Statement> statements;
};

}  // namespace iamlint::ast
