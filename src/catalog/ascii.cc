#include "catalog/ascii.h"

#include <algorithm>

namespace iamlint::catalog {

int compare_folded(std::string_view a, std::string_view b) {
  const size_t n = std::min(a.size(), b.size());
  for (size_t i = 0; i < n; ++i) {
    const char x = fold(a[i]);
    const char y = fold(b[i]);
    if (x != y) return static_cast<unsigned char>(x) < static_cast<unsigned char>(y) ? -1 : 1;
  }
  return a.size() == b.size() ? 0 : (a.size() < b.size() ? -1 : 1);
}

bool starts_with_folded(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && equals_folded(text.substr(0, prefix.size()), prefix);
}

bool ends_with_folded(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() &&
         equals_folded(text.substr(text.size() - suffix.size()), suffix);
}

std::string to_folded(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = fold(c);
  return out;
}

}  // namespace iamlint::catalog
