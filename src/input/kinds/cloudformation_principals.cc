// How a template gives policies to its principals, from the CloudFormation resource reference:
// - AWS::IAM::Role, User and Group: inline Policies, ManagedPolicyArns, PermissionsBoundary, a
//   role's AssumeRolePolicyDocument (its trust policy), a user's Groups;
// - AWS::IAM::Policy (inline) and AWS::IAM::ManagedPolicy: their Roles, Users and Groups;
// - AWS::IAM::RolePolicy, UserPolicy and GroupPolicy: their RoleName, UserName or GroupName;
// - AWS::Serverless::Function and StateMachine without a Role: the role SAM creates for them,
//   named <LogicalId>Role, with the Policies (documents, managed policy names or ARNs; SAM policy
//   templates are kept by name, without a document) and the PermissionsBoundary.
// A principal is named by {"Ref": LogicalId} (a Role's, User's or Group's Ref is its name) or by
// the name its resource gives it (RoleName: pipeline-build); a managed policy by its Ref or
// {"Fn::GetAtt": [LogicalId, "PolicyArn"]} (both its ARN). A policy named any other way (an ARN
// of a policy outside the template, an imported value) is kept by name, without a document.
#include "input/kinds/cloudformation_principals.h"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/core.h>

namespace iamlint::input {
namespace {

using json::NodeId;

struct Resource {
  NodeId node = json::kNoNode;
  std::string_view logical_id;
  std::string_view type;
  NodeId properties = json::kNoNode;
};

// A principal of the template with the policies given to it, before a user's groups' are added.
struct TemplatePrincipal {
  Principal principal;
  std::vector<std::string> groups;  // a user's groups, by logical id
};

constexpr std::string_view kRole = "AWS::IAM::Role";
constexpr std::string_view kUser = "AWS::IAM::User";
constexpr std::string_view kGroup = "AWS::IAM::Group";

class Grouping {
 public:
  Grouping(Container& container, const std::map<NodeId, std::size_t>& policy_of)
      : c_(container), policy_of_(policy_of) {}

  void read(NodeId resources) {
    for (NodeId node : c_.doc().children(resources)) {
      const Resource resource{.node = node,
                              .logical_id = c_.doc().node(node).key(),
                              .type = c_.string_member(node, "Type"),
                              .properties = c_.member(node, "Properties")};
      resources_.push_back(resource);
    }
    for (const Resource& resource : resources_) {
      if (auto type = principal_type(resource.type)) add_principal(resource, *type);
      if (is_sam_with_own_role(resource)) add_sam_role(resource);
    }
    for (const Resource& resource : resources_) {
      add_groups(resource);
      attach(resource);
    }
    emit();
  }

 private:
  static std::optional<PrincipalType> principal_type(std::string_view type) {
    if (type == kRole) return PrincipalType::kRole;
    if (type == kUser) return PrincipalType::kUser;
    if (type == kGroup) return PrincipalType::kGroup;
    return std::nullopt;
  }

  // The index of the policy whose document is at `node`, if the template reader added one.
  std::optional<std::size_t> policy_at(NodeId node) const {
    auto found = policy_of_.find(node);
    if (found == policy_of_.end()) return std::nullopt;
    return found->second;
  }

  // A principal the template's `resource` makes, found at the resource's logical id.
  Principal& new_principal(const Resource& resource, PrincipalType type, std::string name) {
    Principal& principal = principals_.emplace_back().principal;
    principal.type = type;
    principal.name = std::move(name);
    principal.location = c_.location(resource.node);
    principal.range = c_.file_range(c_.doc().node(resource.node).key_range);
    return principal;
  }

  // The resource's PermissionsBoundary, then the principal is known by its name.
  void finish_principal(Principal& principal, NodeId properties) {
    const NodeId boundary = c_.member(properties, "PermissionsBoundary");
    if (boundary != json::kNoNode) {
      principal.policies.push_back(managed_policy(boundary, Attachment::kBoundary));
    }
    principal_of_.emplace(principal.name, principals_.size() - 1);
  }

  void add_principal(const Resource& resource, PrincipalType type) {
    Principal& principal = new_principal(resource, type, std::string(resource.logical_id));
    const NodeId properties = resource.properties;
    if (type == PrincipalType::kRole) {
      const NodeId trust = c_.member(properties, "AssumeRolePolicyDocument");
      if (std::optional<std::size_t> index = policy_at(trust)) {
        principal.policies.push_back({.attachment = Attachment::kTrust,
                                      .name = "AssumeRolePolicyDocument",
                                      .policy = index});
      }
    }
    for (NodeId entry : c_.values_at(properties, "Policies[]")) {
      if (auto index = policy_at(c_.member(entry, "PolicyDocument"))) {
        principal.policies.push_back({.attachment = Attachment::kInline,
                                      .name = std::string(c_.string_member(entry, "PolicyName")),
                                      .policy = index});
      }
    }
    for (NodeId arn : c_.values_at(properties, "ManagedPolicyArns[]")) {
      principal.policies.push_back(managed_policy(arn, Attachment::kManaged));
    }
    finish_principal(principal, properties);
  }

  static bool is_sam_with_own_role(const Resource& resource) {
    return resource.type == "AWS::Serverless::Function" ||
           resource.type == "AWS::Serverless::StateMachine";
  }

  // The role SAM creates for a function or state machine that names no Role of its own. Its trust
  // policy (the service may assume it) is SAM's, not the template's.
  void add_sam_role(const Resource& resource) {
    const NodeId properties = resource.properties;
    if (properties == json::kNoNode || c_.member(properties, "Role") != json::kNoNode) return;
    const std::vector<NodeId> entries = sam_policy_entries(c_, properties);
    if (entries.empty()) return;
    Principal& principal =
        new_principal(resource, PrincipalType::kRole, std::string(resource.logical_id) + "Role");
    for (std::size_t i = 0; i < entries.size(); ++i) {
      const json::Node& node = c_.doc().node(entries[i]);
      if (auto index = policy_at(entries[i])) {
        // SAM names the inline policies of the role it creates <LogicalId>RolePolicy<N>.
        principal.policies.push_back({.attachment = Attachment::kInline,
                                      .name = fmt::format("{}Policy{}", principal.name, i),
                                      .policy = index});
      } else if (node.is_string()) {
        principal.policies.push_back(
            {.attachment = Attachment::kManaged, .name = std::string(node.text())});
      } else if (node.is_object() && node.child_count == 1) {
        principal.policies.push_back({.attachment = Attachment::kManaged,
                                      .name = fmt::format("{} (SAM policy template)",
                                                          c_.doc().node(node.first_child).key())});
      }
    }
    finish_principal(principal, properties);
  }

  // A user's Groups, once every group is known.
  void add_groups(const Resource& resource) {
    if (resource.type != kUser) return;
    for (NodeId group : c_.values_at(resource.properties, "Groups[]")) {
      if (const TemplatePrincipal* named = principal_named(group, kGroup)) {
        principals_[principal_of_.find(resource.logical_id)->second].groups.push_back(
            named->principal.name);
      }
    }
  }

  // The resource a {"Ref": LogicalId} or {"Fn::GetAtt": [LogicalId, ...]} (or "LogicalId.Attr")
  // names; nullptr for any other value.
  const Resource* referenced(NodeId value) const {
    const json::Document& doc = c_.doc();
    if (value == json::kNoNode || !doc.node(value).is_object() || doc.node(value).child_count != 1)
      return nullptr;
    const json::Node& function = doc.node(doc.node(value).first_child);
    std::string_view id;
    if (function.key() == "Ref" && function.is_string()) {
      id = function.text();
    } else if (function.key() == "Fn::GetAtt") {
      if (function.is_array() && function.first_child != json::kNoNode &&
          doc.node(function.first_child).is_string()) {
        id = doc.node(function.first_child).text();
      } else if (function.is_string()) {
        id = function.text().substr(0, function.text().find('.'));
      }
    }
    for (const Resource& resource : resources_) {
      if (!id.empty() && resource.logical_id == id) return &resource;
    }
    return nullptr;
  }

  // A managed policy as a principal's entry names it: one of the template's, with its document,
  // or one known only by its ARN.
  PrincipalPolicy managed_policy(NodeId value, Attachment attachment) const {
    const Resource* resource = referenced(value);
    if (resource && resource->type == "AWS::IAM::ManagedPolicy") {
      return {.attachment = attachment,
              .name = std::string(resource->logical_id),
              .policy = policy_at(c_.member(resource->properties, "PolicyDocument"))};
    }
    const json::Node& node = c_.doc().node(value);
    return {
        .attachment = attachment,
        .name = node.is_string() ? std::string(node.text()) : std::string("(set at deployment)")};
  }

  // The principal of `type` that a Roles/Users/Groups entry (or RoleName, ...) names: by Ref, or
  // by the name its resource gives it.
  TemplatePrincipal* principal_named(NodeId value, std::string_view type) {
    if (const Resource* resource = referenced(value)) {
      if (resource->type != type) return nullptr;
      auto found = principal_of_.find(resource->logical_id);
      return found == principal_of_.end() ? nullptr : &principals_[found->second];
    }
    if (value == json::kNoNode || !c_.doc().node(value).is_string()) return nullptr;
    const std::string_view name = c_.doc().node(value).text();
    const std::string_view name_property = type == kRole   ? "RoleName"
                                           : type == kUser ? "UserName"
                                                           : "GroupName";
    for (const Resource& resource : resources_) {
      if (resource.type == type && c_.string_member(resource.properties, name_property) == name) {
        return &principals_[principal_of_.find(resource.logical_id)->second];
      }
    }
    return nullptr;
  }

  // The policies that name the principals they apply to.
  void attach(const Resource& resource) {
    struct Target {
      std::string_view property;
      std::string_view type;
    };
    constexpr Target kLists[] = {{"Roles[]", kRole}, {"Users[]", kUser}, {"Groups[]", kGroup}};
    constexpr Target kRolePolicy[] = {{"RoleName", kRole}};
    constexpr Target kUserPolicy[] = {{"UserName", kUser}};
    constexpr Target kGroupPolicy[] = {{"GroupName", kGroup}};
    std::span<const Target> targets;
    Attachment attachment = Attachment::kInline;
    if (resource.type == "AWS::IAM::Policy") {
      targets = kLists;
    } else if (resource.type == "AWS::IAM::ManagedPolicy") {
      targets = kLists;
      attachment = Attachment::kManaged;
    } else if (resource.type == "AWS::IAM::RolePolicy") {
      targets = kRolePolicy;
    } else if (resource.type == "AWS::IAM::UserPolicy") {
      targets = kUserPolicy;
    } else if (resource.type == "AWS::IAM::GroupPolicy") {
      targets = kGroupPolicy;
    } else {
      return;
    }
    const std::optional<std::size_t> index =
        policy_at(c_.member(resource.properties, "PolicyDocument"));
    if (!index) return;
    const std::string_view policy_name = c_.string_member(resource.properties, "PolicyName");
    const std::string name(attachment == Attachment::kInline && !policy_name.empty()
                               ? policy_name
                               : resource.logical_id);
    for (const Target& target : targets) {
      for (NodeId value : c_.values_at(resource.properties, target.property)) {
        if (TemplatePrincipal* principal = principal_named(value, target.type)) {
          principal->principal.policies.push_back(
              {.attachment = attachment, .name = name, .policy = index});
        }
      }
    }
  }

  // Adds each user's groups' policies, then hands every principal to the container.
  void emit() {
    for (TemplatePrincipal& each : principals_) {
      for (const std::string& group : each.groups) {
        const Principal& from = principals_[principal_of_.find(group)->second].principal;
        for (PrincipalPolicy policy : from.policies) {
          if (policy.attachment == Attachment::kBoundary) continue;  // the group's is no one's
          policy.via_group = from.name;
          each.principal.policies.push_back(std::move(policy));
        }
      }
    }
    for (TemplatePrincipal& each : principals_) c_.add_principal(std::move(each.principal));
  }

  Container& c_;
  const std::map<NodeId, std::size_t>& policy_of_;
  std::vector<Resource> resources_;
  std::vector<TemplatePrincipal> principals_;
  std::map<std::string, std::size_t, std::less<>> principal_of_;  // by logical id
};

}  // namespace

std::vector<NodeId> sam_policy_entries(const Container& container, NodeId properties) {
  const NodeId policies = container.member(properties, "Policies");
  if (policies == json::kNoNode) return {};
  if (!container.doc().node(policies).is_array()) return {policies};
  std::vector<NodeId> entries;
  for (NodeId entry : container.doc().children(policies)) entries.push_back(entry);
  return entries;
}

void add_template_principals(Container& container, json::NodeId resources,
                             const std::map<json::NodeId, std::size_t>& policy_of) {
  Grouping(container, policy_of).read(resources);
}

}  // namespace iamlint::input
