// A half-open range of byte offsets into a source buffer: the one location type below the
// reporters.
#pragma once

#include <cstdint>

namespace iamlint {

struct ByteRange {
  uint32_t begin = 0;
  uint32_t end = 0;

  [[nodiscard]] constexpr uint32_t size() const { return end - begin; }
  [[nodiscard]] constexpr bool contains(uint32_t offset) const {
    return begin <= offset && offset < end;
  }
  friend constexpr bool operator==(ByteRange, ByteRange) = default;
};

}  // namespace iamlint
