// The input stage: finds the policies in a file, says what each is and where it sits.
//
// A file is read as JSON, or as YAML (by its extension; other names by their first character),
// which is then read as JSON text with a map back to the YAML. Its kind (document_kind.h) comes
// from --input-format or from its content, and the kind hands each policy to the Container.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "input/document_kind.h"
#include "input/policy_source.h"
#include "input/yaml_comments.h"
#include "json/parser.h"
#include "source/source_file.h"

namespace iamlint::input {

struct ReadOptions {
  const DocumentKind* format = nullptr;  // --input-format; nullptr: by content
  bool include_aws_managed = false;      // --include-aws-managed
  // --skip-non-policy: a document that no kind claims is read as a policy only when it looks
  // like one (looks_like_policy).
  bool skip_non_policy = false;
};

struct Reading {
  const DocumentKind* kind = nullptr;      // what read the file (nullptr when it was unreadable)
  std::optional<json::SyntaxError> error;  // why the file could not be read, at a file offset
  std::vector<PolicySource> policies;      // in document order
  std::vector<Principal> principals;       // of an account export, with their policies
  // The file's `# iamlint-ignore` comments (YAML only: JSON has no comments).
  std::vector<DirectiveComment> directives;
};

// `path` decides between JSON and YAML; `text` must outlive the Reading.
[[nodiscard]] Reading read(std::string_view path, std::string_view text,
                           const ReadOptions& options);

// How large an input file may be: 4 MiB (source::kMaxFileBytes), or 64 MiB for a JSON file that
// starts as an account's authorization details do (`{"UserDetailList": ...`, or the Group, Role or
// Policies list of a filtered export): a large account's runs to tens of megabytes.
inline constexpr std::size_t kMaxAuthorizationDetailsBytes = std::size_t{64} << 20;
[[nodiscard]] source::SizeLimit input_size_limit();

// Whether a document that no kind claims is an attempt at a policy, to be linted even under
// --skip-non-policy: an object with a Statement (or a misspelling of it), a policy Version
// ("2012-10-17"), or the members of a statement (Effect, Action, Principal, ...).
[[nodiscard]] bool looks_like_policy(const json::Document& doc);

// Whether text that could not be read mentions a policy, so that --skip-non-policy reports it
// rather than leave it alone: a Statement, a policy Version, a PolicyDocument.
[[nodiscard]] bool mentions_policy(std::string_view text);

}  // namespace iamlint::input
