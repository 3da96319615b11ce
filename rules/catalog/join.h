// Lists of names in messages, shared by the catalog family's rules.
#pragma once

#include <string>
#include <vector>

#include <fmt/core.h>

namespace iamlint::rules::catalog_join {

// "a, b or c".
template <class Name>
std::string join_or(const std::vector<Name>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? " or " : ", ";
    out += items[i];
  }
  return out;
}

// "a, b, c" for up to `limit` items, then ", ...".
template <class Name>
std::string join_some(const std::vector<Name>& items, std::size_t limit = 3) {
  std::string out;
  for (std::size_t i = 0; i < items.size() && i < limit; ++i)
    out += fmt::format("{}{}", i ? ", " : "", items[i]);
  if (items.size() > limit) out += ", ...";
  return out;
}

}  // namespace iamlint::rules::catalog_join
