#include "app/policy_set.h"

#include <algorithm>

#include <fmt/core.h>

#include "input/document_kind.h"
#include "source/source_file.h"

namespace iamlint::app {
namespace {

// An RCP names its Principal ("*"); an SCP has none.
ast::PolicyKind organizations_kind(const ast::Policy& policy) {
  const bool principal = std::any_of(policy.statements.begin(), policy.statements.end(),
                                     [](const ast::Statement& s) { return s.has_principal(); });
  return principal ? ast::PolicyKind::kRcp : ast::PolicyKind::kScp;
}

Error unreadable_organizations_policy(const Error& error, const std::string& path) {
  return {ErrorCode::kUsage,
          fmt::format("{}; 'iamlint --policy-type scp {}' says more", error.message, path)};
}

// An SCP or RCP by what its container says, or a policy whose kind the container leaves open (a
// bare policy file, whose kind --policy-type says).
bool may_be_organizations_policy(const input::PolicyOrigin& origin) {
  return !origin.kind || ast::is_guardrail(*origin.kind);
}

// A bare policy file as an SCP or RCP: of `kind` when given, else an RCP when it names a
// principal.
Result<std::unique_ptr<LoadedPolicy>> as_organizations_policy(std::unique_ptr<LoadedPolicy> loaded,
                                                              std::optional<ast::PolicyKind> kind) {
  const json::Document& doc = loaded->document();
  if (doc.find_member(doc.root(), "Statement") == json::kNoNode) {
    return make_error(ErrorCode::kUsage, fmt::format("{}:1:1: not a policy: an SCP or RCP is an "
                                                     "object with a \"Statement\"",
                                                     loaded->source().path));
  }
  // Lowered again as an RCP when it names a principal: the kind decides what the facts mean.
  if (!kind && organizations_kind(loaded->policy()) == ast::PolicyKind::kRcp)
    return LoadedPolicy::load(loaded->source(), ast::PolicyKind::kRcp, std::nullopt);
  return loaded;
}

}  // namespace

Result<std::unique_ptr<LoadedPolicy>> load_organizations_policy(
    const std::string& path, std::optional<ast::PolicyKind> kind) {
  auto source = source::load_file(path);
  if (!source) return Unexpected(source.error());
  auto loaded =
      LoadedPolicy::load(std::move(*source), kind.value_or(ast::PolicyKind::kScp), std::nullopt);
  if (!loaded) return Unexpected(unreadable_organizations_policy(loaded.error(), path));
  return as_organizations_policy(std::move(*loaded), kind);
}

Result<std::vector<std::unique_ptr<LoadedPolicy>>> load_organizations_policies(
    const std::string& path, std::optional<ast::PolicyKind> kind) {
  auto source = source::load_file(path);
  if (!source) return Unexpected(source.error());
  auto loaded =
      load_policies(std::move(*source), {}, {.kind = kind.value_or(ast::PolicyKind::kScp)},
                    may_be_organizations_policy);
  if (!loaded) return Unexpected(unreadable_organizations_policy(loaded.error(), path));
  std::vector<std::unique_ptr<LoadedPolicy>> policies;
  if (loaded->format == input::find_document_kind("policy")->name && !loaded->policies.empty()) {
    auto policy = as_organizations_policy(std::move(loaded->policies.front()), kind);
    if (!policy) return Unexpected(std::move(policy.error()));
    policies.push_back(std::move(*policy));
    return policies;
  }
  // A container says what each of its policies is: an identity policy of a template is not a
  // guardrail, and neither is a policy document it leaves to --policy-type.
  for (std::unique_ptr<LoadedPolicy>& policy : loaded->policies) {
    const std::optional<ast::PolicyKind> declared = policy->input().origin.kind;
    if (declared == ast::PolicyKind::kScp || declared == ast::PolicyKind::kRcp)
      policies.push_back(std::move(policy));
  }
  if (policies.empty()) {
    return make_error(ErrorCode::kUsage,
                      fmt::format("{}:1:1: holds no SCP or RCP (an AWS::Organizations::Policy or "
                                  "aws_organizations_policy of type SERVICE_CONTROL_POLICY or "
                                  "RESOURCE_CONTROL_POLICY)",
                                  path));
  }
  return policies;
}

std::vector<analysis::PolicySource> sources_of(
    const std::vector<std::unique_ptr<LoadedPolicy>>& policies) {
  std::vector<analysis::PolicySource> sources;
  for (std::size_t i = 0; i < policies.size(); ++i) {
    sources.push_back(
        {.policy = &policies[i]->policy(), .facts = &policies[i]->facts(), .origin = i});
  }
  return sources;
}

}  // namespace iamlint::app

namespace iamlint::app {

std::unique_ptr<LintedScpSet> LintedScpSet::load(const std::vector<std::string>& files) {
  auto set = std::make_unique<LintedScpSet>();
  for (const std::string& file : files) {
    std::optional<std::size_t> origin;
    if (file != "-") {
      if (auto loaded = load_organizations_policy(file, ast::PolicyKind::kScp)) {
        origin = set->policies_.size();
        set->policies_.push_back(std::move(*loaded));
      }
    }
    set->origin_of_file_.push_back(origin);
  }
  if (set->policies_.size() < 2) return nullptr;
  for (const std::unique_ptr<LoadedPolicy>& policy : set->policies_) {
    set->paths_.push_back(policy->source().path);
    set->texts_.push_back(policy->source().text);
  }
  const std::vector<analysis::PolicySource> sources = sources_of(set->policies_);
  set->model_ = std::make_unique<analysis::PermissionModel>(sources);
  set->set_ = {.model = set->model_.get(), .paths = set->paths_, .texts = set->texts_};
  return set;
}

std::optional<engine::ScpSetMember> LintedScpSet::member(std::size_t index) const {
  if (!origin_of_file_[index]) return std::nullopt;
  return engine::ScpSetMember{.set = &set_, .origin = *origin_of_file_[index]};
}

}  // namespace iamlint::app
