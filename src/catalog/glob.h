// IAM wildcard matching: `*` matches any run of characters (also empty), `?` exactly one.
#pragma once

#include <cstdint>
#include <string_view>

namespace iamlint::catalog {

// Two searches for one character each (memchr, many bytes per step): find_first_of("*?") looks
// the two-character set up once per character, and this runs on every entry of every policy.
[[nodiscard]] constexpr bool has_wildcard(std::string_view text) {
  return text.find('*') != std::string_view::npos || text.find('?') != std::string_view::npos;
}

// Whether a pattern is nothing but wildcards ("*", "?*"), so that it matches any value of its
// length or more.
[[nodiscard]] constexpr bool only_wildcards(std::string_view text) {
  return !text.empty() && text.find_first_not_of("*?") == std::string_view::npos;
}

// Case-insensitive (ASCII), as IAM compares action names. Linear time apart from backtracking
// to the last `*`, which keeps the worst case O(pattern * text) with no recursion.
[[nodiscard]] bool glob_match_folded(std::string_view pattern, std::string_view text);

// Action names and condition keys compare case-insensitively; resource ARNs and most condition
// values do not.
enum class LetterCase : std::uint8_t { kSensitive, kInsensitive };

// Whether every text that `inner` matches is matched by `outer` too: both are patterns. Sound —
// a `true` is always right — and complete for the patterns policies use; the rare containment it
// cannot prove (which needs a `*` of `inner` to be split across several literals of `outer`) is
// reported as `false`, so callers read `false` as "not shown", never as "shown not to".
// O(|outer| * |inner|) time, O(|inner|) memory; beyond kMaxGlobProduct it only recognises equal
// patterns and a lone `*`.
[[nodiscard]] bool glob_contains(std::string_view outer, std::string_view inner,
                                 LetterCase letter_case);

// Whether some text matches both patterns. Exact; beyond kMaxGlobProduct it answers `true`, the
// safe guess for callers that ask whether two grants may overlap.
[[nodiscard]] bool glob_intersects(std::string_view a, std::string_view b, LetterCase letter_case);

// The largest |a| * |b| the two functions above compare exactly: crafted policies can hold
// megabyte-long patterns, and no real resource pattern comes near.
inline constexpr std::size_t kMaxGlobProduct = std::size_t{1} << 22;

}  // namespace iamlint::catalog
