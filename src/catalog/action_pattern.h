// Action patterns as written in Action/NotAction: `"*"`, or `service:Name` where the name may
// hold `*` and `?` anywhere. IAM compares case-insensitively and rejects wildcards in the service
// prefix ("Action vendors ... must not contain wildcards"), so `s3*:Get*` is an error, not a set.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "support/result.h"

namespace iamlint::catalog {

enum class PatternError : std::uint8_t {
  kEmpty,              // ""
  kMissingColon,       // "s3GetObject"
  kEmptyService,       // ":GetObject"
  kEmptyName,          // "s3:"
  kWildcardInService,  // "s3*:Get*", "*:*"
  kUnknownService,     // "s4:GetObject"
};

// A short English phrase, e.g. "the service prefix may not contain wildcards".
[[nodiscard]] std::string_view describe(PatternError error);

struct ActionPattern {
  bool all = false;          // the pattern is "*"
  std::string_view service;  // as written; empty when `all`
  std::string_view name;     // as written, wildcards included
};

// Syntax only; the service is not looked up.
[[nodiscard]] Result<ActionPattern, PatternError> parse_action_pattern(std::string_view text);

// The catalogue positions (sorted) of the actions `text` matches; a known service with no match
// gives an empty list. Uncached.
[[nodiscard]] Result<std::vector<std::uint32_t>, PatternError> match_actions(std::string_view text);

// match_actions through a process-wide cache keyed by the case-folded pattern, with a per-thread
// front keyed by the text as written. Thread-safe: a shared_mutex guards the shared map, and
// entries are never evicted, so the span stays valid until exit. Memory is bounded by the distinct
// patterns seen (4 bytes per matched action). Texts equal but for letter case share one entry: a
// non-empty span's data() tells which patterns are the same, letter case aside.
[[nodiscard]] Result<std::span<const std::uint32_t>, PatternError> expand_action_pattern(
    std::string_view text);

}  // namespace iamlint::catalog
