#include "catalog/action_set.h"

#include <algorithm>
#include <bit>
#include <cstdint>

#include "catalog/tables.h"

namespace iamlint::catalog {
namespace {

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
  return (action_count() + ActionSet::kWordBits - 1) / ActionSet::kWordBits;
}

}  // namespace

ActionSet::Iterator::Iterator(const ActionSet* set, std::uint32_t position)
    : set_(set), position_(position) {}

ActionSet ActionSet::all() {
  return ActionSet().complement();
}

ActionSet ActionSet::of(std::span<const std::uint32_t> indices) {
  ActionSet set;
  set.insert(indices);
  return set;
}

std::uint32_t ActionSet::word_end() const {
  return first_word_ + static_cast<std::uint32_t>(words_.size());
}

void ActionSet::cover(std::uint32_t first, std::uint32_t end) {
  if (words_.empty()) {
    first_word_ = first;
    words_.assign(end - first, 0);
    return;
  }
  if (first < first_word_) {
    words_.insert(words_.begin(), first_word_ - first, 0);
    first_word_ = first;
  }
  if (end > word_end()) words_.resize(end - first_word_, 0);
}

std::uint64_t ActionSet::word_at(std::uint32_t word) const {
  return word >= first_word_ && word < word_end() ? words_[word - first_word_] : 0;
}

void ActionSet::insert(Action action) {
  const std::uint32_t word = action.index() / kWordBits;
  cover(word, word + 1);
  words_[word - first_word_] |= std::uint64_t{1} << (action.index() % kWordBits);
}

void ActionSet::insert(std::span<const std::uint32_t> indices) {
  if (indices.empty()) return;
  // One widening for the whole span rather than one per index.
  const auto [low, high] = std::minmax_element(indices.begin(), indices.end());
  cover(*low / kWordBits, *high / kWordBits + 1);
  for (std::uint32_t i : indices)
    words_[i / kWordBits - first_word_] |= std::uint64_t{1} << (i % kWordBits);
}

void ActionSet::insert(std::span<const std::span<const std::uint32_t>> lists) {
  std::uint32_t low = UINT32_MAX;
  std::uint32_t high = 0;
  for (std::span<const std::uint32_t> list : lists) {
    if (list.empty()) continue;
    low = std::min(low, list.front());
    high = std::max(high, list.back());
  }
  if (low > high) return;
  cover(low / kWordBits, high / kWordBits + 1);
  for (std::span<const std::uint32_t> list : lists) {
    for (std::uint32_t i : list)
      words_[i / kWordBits - first_word_] |= std::uint64_t{1} << (i % kWordBits);
  }
}

IAMLINT_COUNTS_BITS std::size_t ActionSet::count() const {
  std::size_t n = 0;
  for (std::uint64_t w : words_) n += static_cast<std::size_t>(std::popcount(w));
  return n;
}

bool ActionSet::empty() const {
  return std::all_of(words_.begin(), words_.end(), [](std::uint64_t w) { return w == 0; });
}

ActionSet& ActionSet::operator|=(const ActionSet& other) {
  if (other.words_.empty()) return *this;
  cover(other.first_word_, other.word_end());
  const std::uint32_t offset = other.first_word_ - first_word_;
  for (std::size_t i = 0; i < other.words_.size(); ++i) words_[offset + i] |= other.words_[i];
  return *this;
}

ActionSet& ActionSet::operator&=(const ActionSet& other) {
  // The result lies within both windows: shrink this one to their overlap.
  const std::uint32_t first = std::max(first_word_, other.first_word_);
  const std::uint32_t end = std::min(word_end(), other.word_end());
  if (first >= end) {
    *this = ActionSet();
    return *this;
  }
  words_.erase(words_.begin() + (end - first_word_), words_.end());
  words_.erase(words_.begin(), words_.begin() + (first - first_word_));
  first_word_ = first;
  const std::uint32_t offset = first - other.first_word_;
  for (std::size_t i = 0; i < words_.size(); ++i) words_[i] &= other.words_[offset + i];
  return *this;
}

ActionSet& ActionSet::operator-=(const ActionSet& other) {
  const std::uint32_t first = std::max(first_word_, other.first_word_);
  const std::uint32_t end = std::min(word_end(), other.word_end());
  for (std::uint32_t w = first; w < end; ++w)
    words_[w - first_word_] &= ~other.words_[w - other.first_word_];
  return *this;
}

ActionSet ActionSet::complement() const {
  ActionSet out;
  out.words_.resize(word_count());
  for (std::uint32_t w = 0; w < out.words_.size(); ++w) out.words_[w] = ~word_at(w);
  // Bits past the last action must stay clear so that count() and iteration stay exact.
  const std::uint32_t tail = action_count() % kWordBits;
  if (tail != 0) out.words_.back() &= (std::uint64_t{1} << tail) - 1;
  return out;
}

void ActionSet::append_key(std::string& key) const {
  // The window without its clear words at either end: the same whatever operations built it.
  std::size_t first = 0;
  std::size_t end = words_.size();
  while (first < end && words_[first] == 0) ++first;
  while (end > first && words_[end - 1] == 0) --end;
  if (first == end) return;
  const std::uint32_t first_word = first_word_ + static_cast<std::uint32_t>(first);
  key.append(reinterpret_cast<const char*>(&first_word), sizeof first_word);
  key.append(reinterpret_cast<const char*>(words_.data() + first),
             (end - first) * sizeof(std::uint64_t));
}

bool operator==(const ActionSet& a, const ActionSet& b) {
  const std::uint32_t first = std::min(a.first_word_, b.first_word_);
  const std::uint32_t end = std::max(a.word_end(), b.word_end());
  for (std::uint32_t w = first; w < end; ++w) {
    if (a.word_at(w) != b.word_at(w)) return false;
  }
  return true;
}

ActionSet ActionSet::of_mask(const std::uint64_t* words) {
  ActionSet set;
  set.words_.assign(words, words + word_count());
  return set;
}

const ActionSet& ActionSet::at_access_level(AccessLevel level) {
  // One mask per level turns counting into word operations. Copied from the generated tables:
  // sorting every action by its level here would cost a tiny policy's lint five times over.
  static const std::array<ActionSet, kAccessLevelCount> masks = [] {
    std::array<ActionSet, kAccessLevelCount> built;
    for (std::size_t i = 0; i < built.size(); ++i)
      built[i] = of_mask(tables::kAccessLevelMasks + i * word_count());
    return built;
  }();
  return masks[static_cast<std::size_t>(level)];
}

const ActionSet& ActionSet::with_resource_types() {
  static const ActionSet kMask = of_mask(tables::kResourceScopedMask);
  return kMask;
}

IAMLINT_COUNTS_BITS std::size_t ActionSet::count_common(const ActionSet& other) const {
  const std::uint32_t first = std::max(first_word_, other.first_word_);
  const std::uint32_t end = std::min(word_end(), other.word_end());
  std::size_t count = 0;
  for (std::uint32_t w = first; w < end; ++w)
    count += std::popcount(words_[w - first_word_] & other.words_[w - other.first_word_]);
  return count;
}

bool ActionSet::intersects(const ActionSet& other) const {
  const std::uint32_t first = std::max(first_word_, other.first_word_);
  const std::uint32_t end = std::min(word_end(), other.word_end());
  for (std::uint32_t w = first; w < end; ++w) {
    if ((words_[w - first_word_] & other.words_[w - other.first_word_]) != 0) return true;
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
  // Bits past the last action are always clear (complement() masks them), so the window's end is
  // the only bound to watch; the rest of the current word is looked at first, whole words after.
  position = std::max(position, first_word_ * kWordBits);
  std::uint32_t word = position / kWordBits;
  if (word >= word_end()) return action_count();
  const std::uint64_t rest = words_[word - first_word_] >> (position % kWordBits);
  if (rest != 0) return position + static_cast<std::uint32_t>(std::countr_zero(rest));
  while (++word < word_end()) {
    const std::uint64_t bits = words_[word - first_word_];
    if (bits != 0) return word * kWordBits + static_cast<std::uint32_t>(std::countr_zero(bits));
  }
  return action_count();
}

}  // namespace iamlint::catalog
