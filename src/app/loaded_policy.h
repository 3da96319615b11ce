// A policy file read, parsed, lowered and modelled: what the commands that ask what policies allow
// (`check`, `diff`) work on, rather than on findings.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "analysis/permission_model.h"
#include "analysis/policy_facts.h"
#include "ast/policy.h"
#include "json/document.h"
#include "source/source_file.h"
#include "support/result.h"

namespace iamlint::app {

class LoadedPolicy {
 public:
  // Parses and models `source`. `kind` is --policy-type's, or nullopt to infer it. Fails (kUsage)
  // with "path:line:column: ..." when the text is not JSON, is past the size limits, or is not
  // an object: a policy that cannot be read cannot be judged.
  [[nodiscard]] static Result<std::unique_ptr<LoadedPolicy>> load(
      source::SourceFile source, std::optional<ast::PolicyKind> kind,
      std::optional<ast::AttachedResource> attached_to);
  // A policy with no statement, shown as `path`: the older side of a file that did not exist.
  [[nodiscard]] static std::unique_ptr<LoadedPolicy> empty(std::string path, ast::PolicyKind kind);

  LoadedPolicy(const LoadedPolicy&) = delete;
  LoadedPolicy& operator=(const LoadedPolicy&) = delete;

  [[nodiscard]] const source::SourceFile& source() const { return source_; }
  [[nodiscard]] const ast::Policy& policy() const { return *policy_; }
  [[nodiscard]] const json::Document& document() const { return *doc_; }
  // Not const: the facts compute what they are asked for once, and keep it.
  [[nodiscard]] analysis::PolicyFacts& facts() const { return *facts_; }
  [[nodiscard]] const analysis::PermissionModel& model() const { return facts_->permissions(); }

 private:
  explicit LoadedPolicy(source::SourceFile source) : source_(std::move(source)) {}

  // In this order: the tree, the policy and the facts point into what comes before them.
  source::SourceFile source_;
  std::optional<json::Document> doc_;
  std::optional<ast::Policy> policy_;
  std::unique_ptr<analysis::PolicyFacts> facts_;
};

}  // namespace iamlint::app
