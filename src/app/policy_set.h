// SCP and RCP files loaded as one set, for the analyses that judge them together (`iamlint
// guardrails`, and the SCP-set rules when several SCPs are linted with --policy-type scp).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "analysis/permission_model.h"
#include "app/loaded_policy.h"
#include "ast/policy.h"
#include "engine/scp_set.h"
#include "support/result.h"

namespace iamlint::app {

// Reads and lowers one SCP or RCP file: of `kind` when given, else an RCP if a statement names a
// Principal and an SCP if none does. Invalid JSON and non-policies are usage errors naming
// path:line:column.
[[nodiscard]] Result<std::unique_ptr<LoadedPolicy>> load_organizations_policy(
    const std::string& path, std::optional<ast::PolicyKind> kind);

// Reads the SCPs and RCPs of one file: a bare policy file as load_organizations_policy does, or
// those a CloudFormation template, a Terraform plan or AWS CLI output declares as SCPs or RCPs
// (their other policies are left out). A file that holds none is a usage error.
[[nodiscard]] Result<std::vector<std::unique_ptr<LoadedPolicy>>> load_organizations_policies(
    const std::string& path, std::optional<ast::PolicyKind> kind);

// The model's sources for `policies`, each with its position as origin.
[[nodiscard]] std::vector<analysis::PolicySource> sources_of(
    const std::vector<std::unique_ptr<LoadedPolicy>>& policies);

}  // namespace iamlint::app

namespace iamlint::app {

// The SCPs of a lint run judged as one set (--policy-type scp, several files): loaded once before
// the files are linted, read by every lint thread. Files that cannot be loaded are left out of
// the set; their own lint reports why.
class LintedScpSet {
 public:
  // Nullptr unless at least two of `files` (in lint order) load as SCPs.
  [[nodiscard]] static std::unique_ptr<LintedScpSet> load(const std::vector<std::string>& files);

  // The place of files[index] in the set, if it is in it.
  [[nodiscard]] std::optional<engine::ScpSetMember> member(std::size_t index) const;

 private:
  std::vector<std::unique_ptr<LoadedPolicy>> policies_;
  std::vector<std::optional<std::size_t>> origin_of_file_;
  std::vector<std::string> paths_;
  std::vector<std::string_view> texts_;
  std::unique_ptr<analysis::PermissionModel> model_;
  engine::ScpSet set_;
};

}  // namespace iamlint::app
