// IAM wildcard matching: `*` matches any run of characters (also empty), `?` exactly one.
#pragma once

#include <string_view>

namespace iamlint::catalog {

// A plain loop: find_first_of("*?") searches the two-character set once per character, and this
// runs on every entry of every policy.
[[nodiscard]] constexpr bool has_wildcard(std::string_view text) {
  for (char c : text) {
    if (c == '*' || c == '?') return true;
  }
  return false;
}

// Case-insensitive (ASCII), as IAM compares action names. Linear time apart from backtracking
// to the last `*`, which keeps the worst case O(pattern * text) with no recursion.
[[nodiscard]] bool glob_match_folded(std::string_view pattern, std::string_view text);

}  // namespace iamlint::catalog
