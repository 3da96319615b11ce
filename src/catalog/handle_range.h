// A random-access range of catalogue handles over a slice of one of the tables.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>

namespace iamlint::catalog {

template <class Handle>
class HandleRange {
 public:
  // Turns a position in the underlying table into a handle (directly or through kKeyRefs).
  using Resolve = Handle (*)(std::uint32_t position);

  class Iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = Handle;
    using difference_type = std::ptrdiff_t;
    using pointer = void;
    using reference = Handle;

    Iterator() = default;
    Iterator(std::uint32_t position, Resolve resolve) : position_(position), resolve_(resolve) {}
    Handle operator*() const { return resolve_(position_); }
    Iterator& operator++() {
      ++position_;
      return *this;
    }
    Iterator operator++(int) {
      Iterator old = *this;
      ++position_;
      return old;
    }
    friend bool operator==(const Iterator& a, const Iterator& b) {
      return a.position_ == b.position_;
    }

   private:
    std::uint32_t position_ = 0;
    Resolve resolve_ = nullptr;
  };

  HandleRange(std::uint32_t first, std::uint32_t count, Resolve resolve)
      : first_(first), count_(count), resolve_(resolve) {}

  [[nodiscard]] std::size_t size() const { return count_; }
  [[nodiscard]] bool empty() const { return count_ == 0; }
  [[nodiscard]] Handle operator[](std::size_t i) const {
    return resolve_(first_ + static_cast<std::uint32_t>(i));
  }
  [[nodiscard]] Iterator begin() const { return {first_, resolve_}; }
  [[nodiscard]] Iterator end() const { return {first_ + count_, resolve_}; }

 private:
  std::uint32_t first_;
  std::uint32_t count_;
  Resolve resolve_;
};

}  // namespace iamlint::catalog
