// A stable hash for identities that outlive a run (fingerprints in reports and baselines).
#pragma once

#include <cstdint>
#include <string_view>

namespace iamlint {

inline constexpr uint64_t kFnvOffset = 14695981039346656037ull;

// FNV-1a, 64 bits: stable across platforms and releases, which is all a fingerprint needs.
// Chain calls by passing the previous hash as `hash`.
[[nodiscard]] constexpr uint64_t fnv1a(std::string_view text, uint64_t hash = kFnvOffset) {
  for (char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ull;
  }
  return hash;
}

// The same over a number's eight bytes.
[[nodiscard]] constexpr uint64_t fnv1a(uint64_t value, uint64_t hash) {
  for (int i = 0; i < 8; ++i) {
    hash ^= (value >> (8 * i)) & 0xff;
    hash *= 1099511628211ull;
  }
  return hash;
}

}  // namespace iamlint
