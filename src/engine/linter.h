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
  std::span<const Rule* const> rules;                // enabled rules, sorted by id
};

struct FileResult {
  source::SourceFile source;
  std::optional<ast::PolicyKind> kind;            // nullopt when the file is not a policy document
  std::optional<json::SyntaxError> syntax_error;  // set when the file could not be parsed
  std::vector<Finding> findings;                  // sorted by finding_order
};

[[nodiscard]] FileResult lint(source::SourceFile source, const LintConfig& config);

}  // namespace iamlint::engine
