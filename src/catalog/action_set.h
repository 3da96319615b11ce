// A set of catalogue actions: one bit per action, so union, difference and NotAction inversion are
// word operations and iteration follows catalogue order. Only a window of words is stored (the
// catalogue needs about 2.8 KB for all of its bits): most sets hold the actions of one or a few
// services, which sit together in catalogue order, and an empty set allocates nothing.
#pragma once

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "catalog/action.h"

namespace iamlint::catalog {

class ActionSet {
 public:
  static constexpr std::uint32_t kWordBits = 64;  // actions per stored word

  class Iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = Action;
    using difference_type = std::ptrdiff_t;
    using pointer = void;
    using reference = Action;

    Iterator() = default;
    Iterator(const ActionSet* set, std::uint32_t position);
    Action operator*() const { return Action(position_); }
    // Inline for the next action in the same word, the common step of a dense set (describing a
    // grant walks sets of thousands); first_from finds it past the word.
    Iterator& operator++() {
      const std::uint32_t next = position_ + 1;
      if (next % kWordBits != 0) {
        const std::uint64_t rest =
            set_->words_[position_ / kWordBits - set_->first_word_] >> (next % kWordBits);
        if (rest != 0) {
          position_ = next + static_cast<std::uint32_t>(std::countr_zero(rest));
          return *this;
        }
      }
      position_ = set_->first_from(next);
      return *this;
    }
    Iterator operator++(int) {
      Iterator old = *this;
      ++*this;
      return old;
    }
    friend bool operator==(const Iterator& a, const Iterator& b) {
      return a.position_ == b.position_;
    }

   private:
    const ActionSet* set_ = nullptr;
    std::uint32_t position_ = 0;
  };

  ActionSet() = default;  // empty
  [[nodiscard]] static ActionSet all();
  // `indices` are catalogue positions, as action_pattern.h's cache returns them.
  [[nodiscard]] static ActionSet of(std::span<const std::uint32_t> indices);

  void insert(Action action);
  void insert(std::span<const std::uint32_t> indices);
  // The union of several lists of sorted catalogue positions (a statement's Action entries), the
  // window widened once for all of them rather than once per list, entries of services far
  // apart in catalogue order moving the words each time.
  void insert(std::span<const std::span<const std::uint32_t>> lists);
  // Inline: rules test catalogue actions one by one against grants, hundreds of thousands of times.
  [[nodiscard]] bool contains(Action action) const {
    // A word before the window wraps around to a large offset, past the window as well.
    const std::uint32_t offset = action.index() / kWordBits - first_word_;
    return offset < words_.size() && ((words_[offset] >> (action.index() % kWordBits)) & 1) != 0;
  }
  [[nodiscard]] std::size_t count() const;
  [[nodiscard]] bool empty() const;

  ActionSet& operator|=(const ActionSet& other);
  ActionSet& operator&=(const ActionSet& other);
  ActionSet& operator-=(const ActionSet& other);
  // Every catalogue action not in this set: what a NotAction list leaves.
  [[nodiscard]] ActionSet complement() const;

  // Counts indexed by AccessLevel.
  [[nodiscard]] std::array<std::size_t, kAccessLevelCount> count_by_access_level() const;
  // How many actions this set and `other` have in common.
  [[nodiscard]] std::size_t count_common(const ActionSet& other) const;
  // Whether this set and `other` have an action in common; cheaper than counting them.
  [[nodiscard]] bool intersects(const ActionSet& other) const;
  // Every catalogue action of one access level.
  [[nodiscard]] static const ActionSet& at_access_level(AccessLevel level);
  // Every catalogue action that lists a resource type (the others take only "Resource": "*").
  [[nodiscard]] static const ActionSet& with_resource_types();

  [[nodiscard]] Iterator begin() const { return {this, first_from(0)}; }
  // The set's actions from catalogue position `position` on (any position, past the end too).
  [[nodiscard]] Iterator from(std::uint32_t position) const { return {this, first_from(position)}; }
  [[nodiscard]] Iterator end() const { return {this, action_count()}; }

  // Appends bytes that identify the set's actions (equal sets, equal bytes; none for the empty
  // set), to key a memo (support/memo.h) of a function of the set.
  void append_key(std::string& key) const;

  // Same actions, whatever the windows.
  friend bool operator==(const ActionSet& a, const ActionSet& b);

  // The memory the set owns, for a memo's byte limit (support/memo.h).
  friend std::size_t heap_bytes(const ActionSet& set) {
    return set.words_.capacity() * sizeof(std::uint64_t);
  }

 private:
  [[nodiscard]] std::uint32_t first_from(std::uint32_t position) const;
  // One past the last word of the window.
  [[nodiscard]] std::uint32_t word_end() const;
  // Widens the window to hold words [first, end), new words clear.
  void cover(std::uint32_t first, std::uint32_t end);
  // Word `word` of the whole bitmap: zero outside the window.
  [[nodiscard]] std::uint64_t word_at(std::uint32_t word) const;
  // The set of a whole-catalogue bitmap of the generated tables.
  [[nodiscard]] static ActionSet of_mask(const std::uint64_t* words);

  // Bits for catalogue positions from 64 * first_word_ on; every bit outside the window is clear.
  std::uint32_t first_word_ = 0;
  std::vector<std::uint64_t> words_;
};

}  // namespace iamlint::catalog
