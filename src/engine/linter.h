// Lints one loaded file: parse, lower, one walk that calls every enabled rule's hooks, sort.
#pragma once

#include <optional>
#include <span>
#include <vector>

#include "ast/policy.h"
#include "engine/finding.h"
#include "engine/rule.h"
#include "source/source_file.h"

namespace iamlint::engine {

struct LintConfig {
  std::optional<ast::PolicyKind> policy_kind;        // nullopt: infer it per file
  std::optional<ast::AttachedResource> attached_to;  // --resource-type
  // --skip-non-policy: valid JSON whose top level is not an object with a "Statement" is left
  // alone, for hooks that see every *.json of a repository.
  bool skip_non_policy = false;
  std::span<const Rule* const> rules;  // enabled rules, sorted by id
};

struct FileResult {
  source::SourceFile source;
  std::optional<ast::PolicyKind> kind;            // nullopt when the file is not a policy document
  std::optional<json::SyntaxError> syntax_error;  // set when the file could not be parsed
  std::vector<Finding> findings;                  // sorted by finding_order
  bool skipped = false;                           // left alone under skip_non_policy
};

[[nodiscard]] FileResult lint(source::SourceFile source, const LintConfig& config);

}  // namespace iamlint::engine
