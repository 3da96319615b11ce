// ASCII case folding for catalogue names. Service prefixes, action names and condition keys are
// case-insensitive in IAM and are plain ASCII, so locale-aware folding would only add surprises.
#pragma once

#include <string>
#include <string_view>

namespace iamlint::catalog {

[[nodiscard]] constexpr char fold(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// <0, 0 or >0 like std::string_view::compare, on folded characters.
[[nodiscard]] int compare_folded(std::string_view a, std::string_view b);
[[nodiscard]] bool equals_folded(std::string_view a, std::string_view b);
[[nodiscard]] bool starts_with_folded(std::string_view text, std::string_view prefix);
[[nodiscard]] bool ends_with_folded(std::string_view text, std::string_view suffix);
[[nodiscard]] std::string to_folded(std::string_view text);

}  // namespace iamlint::catalog
