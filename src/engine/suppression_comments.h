// In-source suppressions: the `# iamlint-ignore IAM203, IAM204: reason` comments of a YAML file.
// input/yaml_comments.h finds them and says what each covers; here they are read (rules and a
// mandatory reason) and applied to the file's findings.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "engine/finding.h"
#include "engine/rule.h"
#include "input/yaml_comments.h"
#include "support/byte_range.h"

namespace iamlint::engine {

// A suppression comment that is wrong (it then suppresses nothing) or that names a rule with no
// finding where it applies.
struct SuppressionNotice {
  ByteRange range;  // the comment
  std::string message;
  bool error = false;  // malformed; else an unused rule
};

// More suppression comments than this in one file are not read: a generated file with thousands
// would cost every finding a look at each.
inline constexpr std::size_t kMaxSuppressionComments = 1000;

// Moves each of `findings` that a comment names and covers to `suppressed`, with the comment's
// reason (a view into the file's text) and marked as suppressed in source. A rule of `enabled`
// that a comment names but whose findings it covers none of (among `findings` and those already
// in `suppressed`) is reported unused; rules not enabled for the file cannot tell.
[[nodiscard]] std::vector<SuppressionNotice> apply_suppression_comments(
    std::span<const input::DirectiveComment> comments, std::span<const Rule* const> enabled,
    std::vector<Finding>& findings, std::vector<Finding>& suppressed);

}  // namespace iamlint::engine
