// Hashing names that compare without regard to case (catalog/ascii.h), with no folded copy.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "catalog/ascii.h"

namespace iamlint::catalog {

inline constexpr std::uint32_t kFoldedHashStart = 2166136261u;

// FNV-1a over the folded bytes of `text`, continuing from `hash`, so that a name can be hashed in
// pieces ("s3", ":", "GetObject"). tools/gen_catalog.py computes the same for the catalogue's
// hash tables (tables.h).
[[nodiscard]] constexpr std::uint32_t folded_hash(std::string_view text,
                                                  std::uint32_t hash = kFoldedHashStart) {
  for (char c : text) hash = (hash ^ static_cast<unsigned char>(fold(c))) * 16777619u;
  return hash;
}

// For hash containers keyed by such names.
struct FoldedHash {
  std::size_t operator()(std::string_view text) const { return folded_hash(text); }
};
struct FoldedEqual {
  bool operator()(std::string_view a, std::string_view b) const { return equals_folded(a, b); }
};

}  // namespace iamlint::catalog
