// An account's authorization details, as `aws iam get-account-authorization-details` writes them:
// every user, group and role with its inline policies, its attached managed policies and its
// permissions boundary; every role's trust policy; every managed policy with its versions.
//
// Linted: the inline and trust policies, and the default version of each customer managed policy
// (a managed policy that serves only as a permissions boundary is linted as one). AWS managed
// policies are kept for the principals that use them but linted only with --include-aws-managed.
// The API returns documents URL-encoded; the CLI decodes them; both are read.
//
// Each user, group and role becomes a Principal with every policy that applies to it, a user's
// groups' policies included, for the rules that judge what a principal may do.
#include <map>
#include <string>

#include <fmt/core.h>

#include "input/container.h"

namespace iamlint::input {
namespace {

using json::NodeId;

bool detect(const json::Document& doc) {
  const NodeId root = doc.root();
  if (!doc.node(root).is_object()) return false;
  for (std::string_view list : {"UserDetailList", "GroupDetailList", "RoleDetailList"}) {
    const NodeId found = doc.find_member(root, list);
    if (found != json::kNoNode && doc.node(found).is_array()) return true;
  }
  // A dump filtered to managed policies (--filter LocalManagedPolicy) has only Policies.
  const NodeId policies = doc.find_member(root, "Policies");
  if (policies == json::kNoNode || !doc.node(policies).is_array()) return false;
  const NodeId first = doc.node(policies).first_child;
  return first != json::kNoNode && doc.node(first).is_object() &&
         doc.find_member(first, "PolicyVersionList") != json::kNoNode;
}

// "arn:aws:iam::aws:policy/ReadOnlyAccess", in any partition.
bool is_aws_managed(std::string_view arn) {
  return arn.find(":iam::aws:policy/") != std::string_view::npos;
}

class DetailsReader {
 public:
  explicit DetailsReader(Container& container) : c_(container) {}

  void read() {
    const NodeId root = c_.doc().root();
    read_managed_policies(root);
    // Groups first: a user's set includes its groups' policies.
    for (NodeId group : c_.values_at(root, "GroupDetailList[]")) {
      Principal principal = principal_of(group, PrincipalType::kGroup, "GroupName");
      add_inline(principal, group, "GroupPolicyList[]");
      add_attached(principal, group);
      groups_.emplace(principal.name, principal.policies);
      c_.add_principal(std::move(principal));
    }
    for (NodeId user : c_.values_at(root, "UserDetailList[]")) {
      Principal principal = principal_of(user, PrincipalType::kUser, "UserName");
      add_inline(principal, user, "UserPolicyList[]");
      add_attached(principal, user);
      add_boundary(principal, user);
      for (NodeId group : c_.values_at(user, "GroupList[]")) {
        if (!c_.doc().node(group).is_string()) continue;
        const std::string_view name = c_.doc().node(group).text();
        auto found = groups_.find(std::string(name));
        if (found == groups_.end()) continue;
        for (PrincipalPolicy policy : found->second) {
          policy.via_group = name;
          principal.policies.push_back(std::move(policy));
        }
      }
      c_.add_principal(std::move(principal));
    }
    for (NodeId role : c_.values_at(root, "RoleDetailList[]")) {
      Principal principal = principal_of(role, PrincipalType::kRole, "RoleName");
      const NodeId trust = c_.member(role, "AssumeRolePolicyDocument");
      if (trust != json::kNoNode) {
        principal.policies.push_back(
            {.attachment = Attachment::kTrust,
             .name = "AssumeRolePolicyDocument",
             .policy = c_.add_policy(
                 trust, {.kind = ast::PolicyKind::kTrust,
                         .attached_to = ast::AttachedResource::kIamAssumeRolePolicyDocument,
                         .container = "role " + principal.name})});
      }
      add_inline(principal, role, "RolePolicyList[]");
      add_attached(principal, role);
      add_boundary(principal, role);
      c_.add_principal(std::move(principal));
    }
  }

 private:
  Principal principal_of(NodeId node, PrincipalType type, std::string_view name_member) {
    const NodeId name = c_.member(node, name_member);
    return {.type = type,
            .name = std::string(c_.string_member(node, name_member)),
            .arn = std::string(c_.string_member(node, "Arn")),
            .location = c_.location(node),
            .range = c_.file_range(c_.doc().node(name == json::kNoNode ? node : name).range)};
  }

  // The default version of each managed policy, linted as an identity policy, or as a
  // permissions boundary when that is its only use.
  void read_managed_policies(NodeId root) {
    for (NodeId policy : c_.values_at(root, "Policies[]")) {
      const std::string arn(c_.string_member(policy, "Arn"));
      const std::string_view default_version = c_.string_member(policy, "DefaultVersionId");
      const bool boundary_only = number_member(policy, "AttachmentCount") == "0" &&
                                 number_member(policy, "PermissionsBoundaryUsageCount") != "0";
      for (NodeId version : c_.values_at(policy, "PolicyVersionList[]")) {
        const NodeId is_default = c_.member(version, "IsDefaultVersion");
        const bool current = (is_default != json::kNoNode && c_.doc().node(is_default).boolean) ||
                             c_.string_member(version, "VersionId") == default_version;
        const NodeId document = c_.member(version, "Document");
        if (!current || document == json::kNoNode) continue;
        const std::optional<std::size_t> index = c_.add_policy(
            document,
            {.kind = boundary_only ? ast::PolicyKind::kBoundary : ast::PolicyKind::kIdentity,
             .container =
                 fmt::format("managed policy {} ({})", c_.string_member(policy, "PolicyName"),
                             c_.string_member(version, "VersionId")),
             .linted = c_.options().include_aws_managed || !is_aws_managed(arn)});
        if (index) managed_.emplace(arn, *index);
        break;
      }
    }
  }

  // A number as written ("0"), or empty.
  std::string_view number_member(NodeId object, std::string_view key) const {
    const NodeId found = c_.member(object, key);
    if (found == json::kNoNode || c_.doc().node(found).kind != json::Kind::kNumber) return "";
    return c_.doc().node(found).text();
  }

  void add_inline(Principal& principal, NodeId node, std::string_view list) {
    for (NodeId entry : c_.values_at(node, list)) {
      const std::string_view name = c_.string_member(entry, "PolicyName");
      const NodeId document = c_.member(entry, "PolicyDocument");
      if (document == json::kNoNode) continue;
      principal.policies.push_back(
          {.attachment = Attachment::kInline,
           .name = std::string(name),
           .policy = c_.add_policy(
               document, {.kind = ast::PolicyKind::kIdentity,
                          .container = fmt::format("{} {}", principal_type_name(principal.type),
                                                   principal.name)})});
    }
  }

  void add_attached(Principal& principal, NodeId node) {
    for (NodeId attached : c_.values_at(node, "AttachedManagedPolicies[]")) {
      const std::string arn(c_.string_member(attached, "PolicyArn"));
      principal.policies.push_back(
          {.attachment = Attachment::kManaged, .name = arn, .policy = managed(arn)});
    }
  }

  void add_boundary(Principal& principal, NodeId node) {
    const std::string arn(
        c_.string_member(c_.member(node, "PermissionsBoundary"), "PermissionsBoundaryArn"));
    if (arn.empty()) return;
    principal.policies.push_back(
        {.attachment = Attachment::kBoundary, .name = arn, .policy = managed(arn)});
  }

  std::optional<std::size_t> managed(const std::string& arn) const {
    auto found = managed_.find(arn);
    if (found == managed_.end()) return std::nullopt;
    return found->second;
  }

  Container& c_;
  std::map<std::string, std::size_t> managed_;                  // by ARN: index of the policy
  std::map<std::string, std::vector<PrincipalPolicy>> groups_;  // by name: the group's policies
};

void extract(Container& container) {
  DetailsReader(container).read();
}

constexpr DocumentKind kAuthorizationDetails{
    .name = "authorization-details",
    .description = "an account's authorization details (aws iam get-account-authorization-details)",
    .detect = detect,
    .extract = extract,
};

IAMLINT_REGISTER_DOCUMENT_KIND(kAuthorizationDetails);

}  // namespace
}  // namespace iamlint::input
