// IAM wildcard matching: `*` matches any run of characters (also empty), `?` exactly one.
#pragma once

#include <string_view>

namespace iamlint::catalog {

[[nodiscard]] constexpr bool has_wildcard(std::string_view text) {
  return text.find_first_of("*?") != std::string_view::npos;
}

// Case-insensitive (ASCII), as IAM compares action names. Linear time apart from backtracking
// to the last `*`, which keeps the worst case O(pattern * text) with no recursion.
[[nodiscard]] bool glob_match_folded(std::string_view pattern, std::string_view text);

}  // namespace iamlint::catalog
