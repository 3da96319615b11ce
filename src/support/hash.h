// Hashes: a stable one for identities that outlive a run (fingerprints in reports and baselines),
// and a fast one for tables that live in memory.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
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

namespace hash_detail {

// A GCC and Clang extension, said so for -Wpedantic.
__extension__ typedef unsigned __int128 Uint128;

// The 128-bit product of a and b, folded to 64 bits: one multiplication mixes every bit of both.
[[nodiscard]] inline uint64_t fold_multiply(uint64_t a, uint64_t b) {
  const Uint128 product = static_cast<Uint128>(a) * b;
  return static_cast<uint64_t>(product) ^ static_cast<uint64_t>(product >> 64);
}

[[nodiscard]] inline uint64_t load(const char* bytes, std::size_t size) {
  uint64_t value = 0;
  std::memcpy(&value, bytes, size);
  return value;
}

}  // namespace hash_detail

// A hash for in-memory tables (memo keys): some 30 instructions for a 30-byte text, where
// std::hash takes about 85. It is deterministic but not stable across releases, so nothing
// written out may depend on it. Modelled on wyhash: 16 bytes per multiplication, and the last
// 1..16 bytes read as two overlapping words rather than byte by byte.
[[nodiscard]] inline uint64_t fast_hash(std::string_view text) {
  using hash_detail::fold_multiply;
  using hash_detail::load;
  constexpr uint64_t kSeed = 0xa0761d6478bd642full;
  constexpr uint64_t kOdd = 0xe7037ed1a0b428dbull;
  const char* p = text.data();
  std::size_t left = text.size();
  uint64_t hash = kSeed ^ left;
  for (; left > 16; p += 16, left -= 16) {
    hash = fold_multiply(load(p, 8) ^ kOdd, load(p + 8, 8) ^ hash);
  }
  uint64_t a = 0;
  uint64_t b = 0;
  if (left >= 8) {
    a = load(p, 8);
    b = load(p + left - 8, 8);
  } else if (left >= 4) {
    a = load(p, 4);
    b = load(p + left - 4, 4);
  } else if (left > 0) {
    a = (uint64_t{static_cast<unsigned char>(p[0])} << 16) |
        (uint64_t{static_cast<unsigned char>(p[left / 2])} << 8) |
        static_cast<unsigned char>(p[left - 1]);
  }
  return fold_multiply(fold_multiply(a ^ kOdd, b ^ hash), kSeed ^ text.size());
}

}  // namespace iamlint
