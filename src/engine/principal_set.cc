#include "engine/principal_set.h"

#include <map>

#include <fmt/core.h>

namespace iamlint::engine {
namespace {

// The name of a managed policy from its ARN ("arn:aws:iam::aws:policy/job-function/ViewOnlyAccess"
// -> "ViewOnlyAccess"); other names as they are.
std::string_view short_name(std::string_view name) {
  if (!name.starts_with("arn:")) return name;
  return name.substr(name.rfind('/') + 1);
}

std::unique_ptr<analysis::PermissionModel> model_of(std::span<const PrincipalMember> members,
                                                    std::span<const std::size_t> which) {
  std::vector<analysis::PolicySource> sources;
  for (std::size_t i : which) {
    sources.push_back(
        {.policy = &members[i].lowered->policy, .facts = &members[i].lowered->facts, .origin = i});
  }
  return std::make_unique<analysis::PermissionModel>(sources);
}

}  // namespace

PrincipalSet::PrincipalSet(const input::Principal& principal, std::vector<PrincipalMember> members,
                           LoweredPolicy* boundary)
    : principal_(principal), members_(std::move(members)), boundary_(boundary) {}

std::string PrincipalSet::name() const {
  return fmt::format("{} {}", input::principal_type_name(principal_.type), principal_.name);
}

const analysis::PermissionModel& PrincipalSet::model() const {
  if (!model_) {
    std::vector<std::size_t> all(members_.size());
    for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
    model_ = model_of(members_, all);
  }
  return *model_;
}

const analysis::PermissionModel* PrincipalSet::boundary() const {
  return boundary_ ? &boundary_->facts.permissions() : nullptr;
}

std::span<const analysis::PermissionModel* const> PrincipalSet::parts() const {
  if (group_models_) return parts_;
  group_models_.emplace();
  std::map<std::string_view, std::vector<std::size_t>> by_group;
  for (std::size_t i = 0; i < members_.size(); ++i) {
    parts_.push_back(&members_[i].lowered->facts.permissions());
    if (!members_[i].entry->via_group.empty()) by_group[members_[i].entry->via_group].push_back(i);
  }
  for (const auto& [group, which] : by_group) {
    if (which.size() < 2) continue;  // the member alone is a part already
    parts_.push_back(group_models_->emplace_back(model_of(members_, which)).get());
  }
  return parts_;
}

std::string PrincipalSet::policy_name(const analysis::ModelStatement& statement) const {
  const input::PrincipalPolicy& entry = *members_[statement.origin].entry;
  std::string out =
      fmt::format("{} policy {}", input::attachment_name(entry.attachment), short_name(entry.name));
  if (!entry.via_group.empty()) out += fmt::format(" via group {}", entry.via_group);
  return out;
}

ByteRange PrincipalSet::to_file(const analysis::ModelStatement& statement, ByteRange range) const {
  return members_[statement.origin].source->json->to_file().to_outer(range);
}

}  // namespace iamlint::engine
