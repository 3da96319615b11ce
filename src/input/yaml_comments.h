// The comments of a YAML file that speak to iamlint: `# iamlint-ignore IAM203: reason`.
//
// yaml-cpp drops comments, so they are found in the source text with the document's layout at
// hand: a '#' is a comment only where YAML reads one (at a line's start or after a blank, outside
// every scalar: not inside quotes, a block scalar's lines or a plain scalar such as `a#b`), and
// only in the first document, the one iamlint reads.
//
// A comment is about the line it ends (a trailing comment) or else the next line that holds
// more than blanks and comments. It covers that line and the entry that starts on it, whole: a
// mapping key with its value (a comment above `PolicyDocument:` covers the policy), or a sequence
// item (above `- Effect: Allow`, the statement).
#pragma once

#include <string_view>
#include <vector>

#include "input/yaml_to_json.h"
#include "support/byte_range.h"

namespace iamlint::input {

inline constexpr std::string_view kIgnoreDirective = "iamlint-ignore";

struct DirectiveComment {
  ByteRange range;        // from its '#' to the end of its line
  std::string_view text;  // what follows "iamlint-ignore", e.g. " IAM203: reason"
  ByteRange covers;       // the lines and entry it is about; empty when nothing follows it
};

// The iamlint-ignore comments of `yaml`, in order. A comment may say other things first
// (`# TICKET-12 # iamlint-ignore ...`); the directive starts at a '#' of its own, after a blank.
[[nodiscard]] std::vector<DirectiveComment> find_directive_comments(std::string_view yaml,
                                                                    const YamlLayout& layout);

}  // namespace iamlint::input
