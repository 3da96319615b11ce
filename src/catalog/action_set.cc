#include "catalog/action_set.h"

#include <bit>

namespace iamlint::catalog {
namespace {

constexpr std::uint32_t kWordBits = 64;

// Debian builds for the x86-64 baseline, which has no POPCNT instruction, so std::popcount is a
// library call per word. Counting a set runs over its 300-odd words, so the loops that count come
// in two versions, and the loader picks the one with POPCNT where the CPU has it.
// GCC only: clang 14 (the sanitizer build) leaves clones of member functions unresolved at link.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define IAMLINT_COUNTS_BITS __attribute__((target_clones("default", "popcnt")))
#else
#define IAMLINT_COUNTS_BITS
#endif

std::size_t word_count() {
  return (action_count() + kWordBits - 1) / kWordBits;
}

}  // namespace

ActionSet::Iterator::Iterator(const ActionSet* set, std::uint32_t position)
    : set_(set), position_(position) {}

ActionSet::Iterator& ActionSet::Iterator::operator++() {
  position_ = set_->first_from(position_ + 1);
  return *this;
}

ActionSet::ActionSet() : words_(word_count(), 0) {}

ActionSet ActionSet::all() {
  return ActionSet().complement();
}

ActionSet ActionSet::of(std::span<const std::uint32_t> indices) {
  ActionSet set;
  set.insert(indices);
  return set;
}

void ActionSet::insert(Action action) {
  words_[action.index() / kWordBits] |= std::uint64_t{1} << (action.index() % kWordBits);
}

void ActionSet::insert(std::span<const std::uint32_t> indices) {
  for (std::uint32_t i : indices) insert(Action(i));
}

bool ActionSet::contains(Action action) const {
  return (words_[action.index() / kWordBits] >> (action.index() % kWordBits)) & 1;
}

IAMLINT_COUNTS_BITS std::size_t ActionSet::count() const {
  std::size_t n = 0;
  for (std::uint64_t w : words_) n += static_cast<std::size_t>(std::popcount(w));
  return n;
}

bool ActionSet::empty() const {
  for (std::uint64_t w : words_) {
    if (w != 0) return false;
  }
  return true;
}

ActionSet& ActionSet::operator|=(const ActionSet& other) {
  for (std::size_t i = 0; i < words_.size(); ++i) words_[i] |= other.words_[i];
  return *this;
}

ActionSet& ActionSet::operator&=(const ActionSet& other) {
  for (std::size_t i = 0; i < words_.size(); ++i) words_[i] &= other.words_[i];
  return *this;
}

ActionSet& ActionSet::operator-=(const ActionSet& other) {
  for (std::size_t i = 0; i < words_.size(); ++i) words_[i] &= ~other.words_[i];
  return *this;
}

ActionSet ActionSet::complement() const {
  ActionSet out;
  for (std::size_t i = 0; i < words_.size(); ++i) out.words_[i] = ~words_[i];
  // Bits past the last action must stay clear so that count() and iteration stay exact.
  const std::uint32_t tail = action_count() % kWordBits;
  if (tail != 0) out.words_.back() &= (std::uint64_t{1} << tail) - 1;
  return out;
}

const ActionSet& ActionSet::at_access_level(AccessLevel level) {
  // Built once, on first use: one mask per level turns counting into word operations.
  static const std::array<ActionSet, kAccessLevelCount> masks = [] {
    std::array<ActionSet, kAccessLevelCount> built;
    for (std::uint32_t i = 0; i < action_count(); ++i) {
      built[static_cast<std::size_t>(Action(i).access_level())].insert(Action(i));
    }
    return built;
  }();
  return masks[static_cast<std::size_t>(level)];
}

IAMLINT_COUNTS_BITS std::size_t ActionSet::count_common(const ActionSet& other) const {
  std::size_t count = 0;
  for (std::size_t i = 0; i < words_.size(); ++i)
    count += std::popcount(words_[i] & other.words_[i]);
  return count;
}

bool ActionSet::intersects(const ActionSet& other) const {
  for (std::size_t i = 0; i < words_.size(); ++i) {
    if ((words_[i] & other.words_[i]) != 0) return true;
  }
  return false;
}

std::array<std::size_t, kAccessLevelCount> ActionSet::count_by_access_level() const {
  std::array<std::size_t, kAccessLevelCount> counts{};
  for (std::size_t level = 0; level < counts.size(); ++level) {
    counts[level] = count_common(at_access_level(static_cast<AccessLevel>(level)));
  }
  return counts;
}

std::uint32_t ActionSet::first_from(std::uint32_t position) const {
  const std::uint32_t end = action_count();
  while (position < end) {
    const std::uint64_t word = words_[position / kWordBits] >> (position % kWordBits);
    if (word != 0) return position + static_cast<std::uint32_t>(std::countr_zero(word));
    position = (position / kWordBits + 1) * kWordBits;
  }
  return end;
}

}  // namespace iamlint::catalog
