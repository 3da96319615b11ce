// ASCII case folding for catalogue names. Service prefixes, action names and condition keys are
// case-insensitive in IAM and are plain ASCII, so locale-aware folding would only add surprises.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace iamlint::catalog {

[[nodiscard]] constexpr char fold(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// <0, 0 or >0 like std::string_view::compare, on folded characters.
[[nodiscard]] int compare_folded(std::string_view a, std::string_view b);
// Inline, and folding only where the bytes differ: most names are compared with their own
// spelling (every catalogue lookup ends in one of these).
[[nodiscard]] constexpr bool equals_folded(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i] != b[i] && fold(a[i]) != fold(b[i])) return false;
  }
  return true;
}
[[nodiscard]] bool starts_with_folded(std::string_view text, std::string_view prefix);
[[nodiscard]] bool ends_with_folded(std::string_view text, std::string_view suffix);
[[nodiscard]] std::string to_folded(std::string_view text);

}  // namespace iamlint::catalog
