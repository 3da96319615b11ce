// A small, bounded memo cache for pure functions of a string, meant to live in a thread_local.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "support/hash.h"

namespace iamlint {

// How many bytes a value owns outside itself, roughly: what a memo counts for it beyond its entry.
// A type that owns memory and is none of these declares its own heap_bytes next to it (found by
// argument-dependent lookup); a memo of a type that has none does not compile.
template <class T>
requires std::is_trivially_copyable_v<T>
constexpr std::size_t heap_bytes(const T& /*value*/) {
  return 0;
}
inline std::size_t heap_bytes(const std::string& text) {
  // Short strings live inside the object; a heap block costs its bookkeeping as well.
  const char* inside = reinterpret_cast<const char*>(&text);
  const bool inline_buffer = text.data() >= inside && text.data() < inside + sizeof text;
  return inline_buffer ? 0 : text.capacity() + 1 + 2 * sizeof(void*);
}
template <class T>
std::size_t heap_bytes(const std::optional<T>& value);
template <class T>
std::size_t heap_bytes(const std::vector<T>& values);

template <class T>
std::size_t heap_bytes(const std::optional<T>& value) {
  return value ? heap_bytes(*value) : 0;
}
template <class T>
std::size_t heap_bytes(const std::vector<T>& values) {
  std::size_t bytes =
      values.capacity() == 0 ? 0 : values.capacity() * sizeof(T) + 2 * sizeof(void*);
  if constexpr (!std::is_trivially_copyable_v<T>) {
    for (const T& value : values) bytes += heap_bytes(value);
  }
  return bytes;
}

namespace memo_detail {

// How many threads have memos: a process's memos share one budget once there are more than two.
inline std::atomic<unsigned> threads_with_memos{0};

struct CountedThread {
  CountedThread() { threads_with_memos.fetch_add(1, std::memory_order_relaxed); }
  ~CountedThread() { threads_with_memos.fetch_sub(1, std::memory_order_relaxed); }
  CountedThread(const CountedThread&) = delete;
  CountedThread& operator=(const CountedThread&) = delete;
};

inline void count_this_thread() {
  thread_local CountedThread counted;
}

// The limits hold as given for up to this many threads; with more, each thread's share shrinks so
// that all memos together hold no more than this many threads' would.
inline constexpr unsigned kThreadsAtFullLimits = 2;

}  // namespace memo_detail

// Remembers compute()'s result per key. A corpus repeats its entries (an action, an ARN, a
// statement's text) across thousands of files, so a pure function of that text is worth
// computing once per thread:
//
//   Diagnosis diagnose(std::string_view text) {
//     thread_local Memo<Diagnosis> memo;
//     return memo.get(text, [&] { return diagnose_uncached(text); });
//   }
//
// One per thread, so no lock: every thread computes the same values (the function is pure), and
// the output never depends on which thread saw a key first. Bounded by its entries and by the
// bytes it holds (keys, values and table), so that hostile input (a million distinct actions, or
// one of a megabyte) cannot grow it without limit; with more than two threads the byte limit is
// shared, so that --jobs 8 holds no more in memos than --jobs 2. When the next entry would pass a
// limit, everything is forgotten at once: that costs recomputation only, never a different answer.
//
// The storage is flat (keys in one buffer, entries in one array, an open-addressing table of 8-byte
// slots): a node per entry cost more than most keys and values themselves.
template <class Value>
class Memo {
 public:
  struct Limits {
    std::size_t entries = 4096;     // distinct keys remembered
    std::size_t bytes = 128 << 10;  // keys, entries, what values own (heap_bytes) and the table
  };

  Memo() { memo_detail::count_this_thread(); }
  explicit Memo(Limits limits) : limits_(limits) { memo_detail::count_this_thread(); }

  // The value remembered for `key`, or else compute()'s, remembered. The reference is valid until
  // the next get() or clear() on this memo. compute may use other memos but not this one.
  template <class Compute>
  const Value& get(std::string_view key, Compute&& compute) {
    const std::uint64_t hash = fast_hash(key);
    if (Value* value = find(key, hash)) return *value;
    return remember(key, hash, std::forward<Compute>(compute)());
  }

  // Forgets every entry and frees the memory: the limits may have shrunk since it was taken.
  void clear() {
    slots_ = decltype(slots_)();
    chunks_ = decltype(chunks_)();
    size_ = 0;
    key_blocks_ = decltype(key_blocks_)();
    key_free_ = nullptr;
    key_block_left_ = 0;
    key_bytes_ = 0;
    owned_bytes_ = 0;
    unremembered_.reset();
  }

  [[nodiscard]] std::size_t size() const { return size_; }
  // What the byte limit counts: the memory of keys, entries and table as allocated, and what
  // values own.
  [[nodiscard]] std::size_t bytes() const {
    return key_bytes_ + chunks_.size() * kChunkEntries * sizeof(Entry) +
           slots_.size() * sizeof(Slot) + owned_bytes_;
  }

 private:
  struct Slot {
    std::uint32_t tag = 0;    // the hash's upper half: most mismatches end here
    std::uint32_t entry = 0;  // 1 + the entry's index; 0 for an empty slot
  };
  struct Entry {
    const char* key;  // in key_blocks_
    std::uint32_t key_size;
    Value value;
  };

  // Entries and keys are stored in fixed chunks rather than arrays that double: no copying as
  // they grow, no idle capacity, and entries that never move.
  static constexpr std::size_t kChunkEntries = 256;
  static constexpr std::size_t kKeyBlockBytes = 16 << 10;
  static constexpr std::size_t kFirstSlots = 16;

  [[nodiscard]] Entry& entry(std::size_t index) {
    return chunks_[index / kChunkEntries][index % kChunkEntries];
  }

  // Linear probing over a table at most half full.
  [[nodiscard]] Value* find(std::string_view key, std::uint64_t hash) {
    if (slots_.empty()) return nullptr;
    const std::size_t mask = slots_.size() - 1;
    const auto tag = static_cast<std::uint32_t>(hash >> 32);
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
      const Slot slot = slots_[i];
      if (slot.entry == 0) return nullptr;
      if (slot.tag != tag) continue;
      Entry& found = entry(slot.entry - 1);
      if (std::string_view(found.key, found.key_size) == key) {
        return &found.value;
      }
    }
  }

  // Adds `key`, which is not here; forgets everything first if it would pass a limit.
  const Value& remember(std::string_view key, std::uint64_t hash, Value&& value) {
    const std::size_t owned = heap_bytes(value);
    if (!fits(key.size(), owned)) {
      clear();
      if (!fits(key.size(), owned)) {  // too large to remember even alone
        unremembered_.emplace(std::move(value));
        return *unremembered_;
      }
    }
    if (2 * (size_ + 1) > slots_.size()) grow();
    place(hash, size_);
    if (size_ % kChunkEntries == 0) chunks_.emplace_back().reserve(kChunkEntries);
    Entry& added = chunks_.back().emplace_back(
        Entry{copy_key(key), static_cast<std::uint32_t>(key.size()), std::move(value)});
    ++size_;
    owned_bytes_ += owned;
    return added.value;
  }

  [[nodiscard]] bool fits(std::size_t key_size, std::size_t owned) const {
    const unsigned threads = memo_detail::threads_with_memos.load(std::memory_order_relaxed);
    const std::size_t byte_limit =
        threads <= memo_detail::kThreadsAtFullLimits
            ? limits_.bytes
            : limits_.bytes / threads * memo_detail::kThreadsAtFullLimits;
    return size_ + 1 <= limits_.entries && bytes() + growth(key_size) + owned <= byte_limit;
  }

  // The bytes taken to add one more entry with a key of `key_size` bytes.
  [[nodiscard]] std::size_t growth(std::size_t key_size) const {
    std::size_t bytes = 0;
    if (2 * (size_ + 1) > slots_.size())
      bytes += std::max(slots_.size(), kFirstSlots) * sizeof(Slot);
    if (size_ % kChunkEntries == 0) bytes += kChunkEntries * sizeof(Entry);
    if (key_free_ == nullptr || key_size > key_block_left_) {
      bytes += std::max(key_size, kKeyBlockBytes);
    }
    return bytes;
  }

  // A copy of `key` in the current key block, or in a new one.
  const char* copy_key(std::string_view key) {
    if (key_free_ == nullptr || key.size() > key_block_left_) {
      const std::size_t size = std::max(key.size(), kKeyBlockBytes);
      key_free_ = key_blocks_.emplace_back(std::make_unique_for_overwrite<char[]>(size)).get();
      key_block_left_ = size;
      key_bytes_ += size;
    }
    char* copy = key_free_;
    if (!key.empty()) std::memcpy(copy, key.data(), key.size());
    key_free_ += key.size();
    key_block_left_ -= key.size();
    return copy;
  }

  void grow() {
    slots_.assign(std::max(2 * slots_.size(), kFirstSlots), Slot{});
    for (std::size_t e = 0; e < size_; ++e) {
      const Entry& stored = entry(e);
      place(fast_hash(std::string_view(stored.key, stored.key_size)), e);
    }
  }

  void place(std::uint64_t hash, std::size_t index) {
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = hash & mask;
    while (slots_[i].entry != 0) i = (i + 1) & mask;
    slots_[i] = {static_cast<std::uint32_t>(hash >> 32), static_cast<std::uint32_t>(index + 1)};
  }

  Limits limits_;
  std::vector<Slot> slots_;                 // a power of two in size, or empty
  std::vector<std::vector<Entry>> chunks_;  // kChunkEntries each, but the last
  std::size_t size_ = 0;
  std::vector<std::unique_ptr<char[]>> key_blocks_;
  char* key_free_ = nullptr;           // the free end of the last key block
  std::size_t key_block_left_ = 0;     // its size
  std::size_t key_bytes_ = 0;          // in all key blocks
  std::size_t owned_bytes_ = 0;        // heap_bytes of the values
  std::optional<Value> unremembered_;  // the last value too large to remember
};

// Appends `number`'s bytes and then `text` to a memo key: a catalogue index and a text ("can this
// ARN name a resource of format 12?"), or a text after its length, so that where one text of a
// key ends and the next begins stays unambiguous whatever characters they hold.
inline void append_numbered(std::string& key, std::uint32_t number, std::string_view text) {
  key.append(reinterpret_cast<const char*>(&number), sizeof number);
  key.append(text);
}

}  // namespace iamlint
