// Policies read through the input stage, lowered and modelled: what the commands that ask what
// policies allow (`check`, `diff`, `guardrails`) work on, rather than on findings.
#pragma once

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/permission_model.h"
#include "analysis/policy_facts.h"
#include "ast/policy.h"
#include "engine/finding.h"
#include "engine/linter.h"
#include "input/policy_source.h"
#include "input/reader.h"
#include "json/document.h"
#include "source/source_file.h"
#include "support/result.h"

namespace iamlint::app {

// What a policy is read as when its container does not say (a bare policy file): --policy-type
// and --resource-type; nullopt infers the kind from the policy.
struct PolicyDefaults {
  std::optional<ast::PolicyKind> kind;
  std::optional<ast::AttachedResource> attached_to;
};

class LoadedPolicy {
 public:
  // Lowers and models a policy that the input stage found in `file`: of the kind its container
  // says, else of `defaults`. Fails (kUsage) with "path:line:column: ..." (a place in the file)
  // when the policy is not JSON, is past the limits, or is not an object: a policy that cannot be
  // read cannot be judged.
  [[nodiscard]] static Result<std::unique_ptr<LoadedPolicy>> load(
      std::shared_ptr<const source::SourceFile> file, input::PolicySource policy,
      const PolicyDefaults& defaults);
  // A file that is one bare policy, whatever it holds (an SCP of `iamlint guardrails`).
  [[nodiscard]] static Result<std::unique_ptr<LoadedPolicy>> load(
      source::SourceFile source, std::optional<ast::PolicyKind> kind,
      std::optional<ast::AttachedResource> attached_to);
  // A policy with no statement, shown as `path`: the older side of a policy that did not exist.
  [[nodiscard]] static std::unique_ptr<LoadedPolicy> empty(std::string path, ast::PolicyKind kind);

  LoadedPolicy(const LoadedPolicy&) = delete;
  LoadedPolicy& operator=(const LoadedPolicy&) = delete;

  // The file that holds the policy.
  [[nodiscard]] const source::SourceFile& source() const { return *file_; }
  [[nodiscard]] const std::shared_ptr<const source::SourceFile>& file() const { return file_; }
  // The policy as the input stage found it, to load it again as another kind.
  [[nodiscard]] const input::PolicySource& input() const { return input_; }
  // Its logical location in the file, e.g. "Resources.BuildRole.Properties.Policies[0]
  // .PolicyDocument"; empty for a bare policy file.
  [[nodiscard]] const std::string& location() const { return input_.location; }
  // What holds it, e.g. "AWS::IAM::Role BuildRole"; empty for a bare policy file.
  [[nodiscard]] const std::string& container() const { return input_.origin.container; }
  // "Resources.BuildRole.Properties.Policies[0].PolicyDocument (AWS::IAM::Role BuildRole)", for
  // messages; empty for a bare policy file.
  [[nodiscard]] std::string name_in_file() const;
  [[nodiscard]] const ast::Policy& policy() const { return *policy_; }
  // The JSON the policy was lowered from (its root is the policy's for a bare file).
  [[nodiscard]] const json::Document& document() const { return input_.json->doc(); }
  // Not const: the facts compute what they are asked for once, and keep it.
  [[nodiscard]] analysis::PolicyFacts& facts() const { return *facts_; }
  [[nodiscard]] const analysis::PermissionModel& model() const { return facts_->permissions(); }

  // What FileResult::policies says of it.
  [[nodiscard]] engine::PolicyResult describe() const;
  // Moves findings reported in ranges of the policy's own text to the file
  // (engine::place_findings): the file's line and column, whatever the policy was read from (YAML,
  // a JSON string), and the logical location. `index` is the policy's place in
  // FileResult::policies.
  void place(std::span<engine::Finding> findings, uint32_t index) const;

 private:
  LoadedPolicy(std::shared_ptr<const source::SourceFile> file, input::PolicySource policy)
      : file_(std::move(file)), input_(std::move(policy)) {}

  // In this order: the policy and the facts point into what comes before them.
  std::shared_ptr<const source::SourceFile> file_;
  input::PolicySource input_;
  std::optional<ast::Policy> policy_;
  std::unique_ptr<analysis::PolicyFacts> facts_;
};

// A file read through the input stage with each of its policies loaded, in document order: the
// policies of a CloudFormation template, a Terraform plan, an authorization-details dump or AWS
// CLI output, or the file itself when it is a bare policy.
struct LoadedFile {
  std::shared_ptr<const source::SourceFile> source;
  std::string_view format;  // the document kind that read it, e.g. "cloudformation"
  std::vector<std::unique_ptr<LoadedPolicy>> policies;
  // Left alone under --skip-non-policy (input::ReadOptions::skip_non_policy): it holds no policy
  // to judge, and no result is reported for it.
  bool skipped = false;
};

// Which of a file's policies a command judges, by what its container says of it; the others are
// not loaded, so that one that cannot be read does not stop the command (guardrails judges a
// template's SCPs and RCPs, whatever else the template holds).
using PolicyFilter = bool (*)(const input::PolicyOrigin& origin);

// Reads `source` and loads its policies (those `wanted` accepts, when given); those an export
// keeps only for its principals (AWS managed policies without --include-aws-managed) are left
// out, as lint leaves them, and so are non-policy files under --skip-non-policy. Fails (kUsage)
// with "path:line:column: ..." when the file or one of its policies cannot be read.
[[nodiscard]] Result<LoadedFile> load_policies(source::SourceFile source,
                                               const input::ReadOptions& read,
                                               const PolicyDefaults& defaults,
                                               PolicyFilter wanted = nullptr);

}  // namespace iamlint::app
