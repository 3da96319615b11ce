// A small, bounded memo cache for pure functions of a string, meant to live in a thread_local.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace iamlint {

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
// the output never depends on which thread saw a key first. Bounded, so hostile input (a million
// distinct actions, or one of a megabyte) cannot grow it without limit: when the next entry would
// pass either limit, everything is forgotten at once. That costs recomputation only, never a
// different answer, and keeps the cache simple and its memory known: at most the limits plus the
// one entry being added.
template <class Value>
class Memo {
 public:
  struct Limits {
    std::size_t entries = 4096;         // distinct keys remembered
    std::size_t key_bytes = 256 << 10;  // their total length
  };

  Memo() = default;
  explicit Memo(Limits limits) : limits_(limits) {}

  // The value remembered for `key`, or else compute()'s, remembered. The reference is valid until
  // the next get() or clear() on this memo. compute may use other memos but not this one.
  template <class Compute>
  const Value& get(std::string_view key, Compute&& compute) {
    if (auto it = entries_.find(key); it != entries_.end()) return it->second;
    Value value = std::forward<Compute>(compute)();
    if (entries_.size() + 1 > limits_.entries || key_bytes_ + key.size() > limits_.key_bytes) {
      clear();
    }
    key_bytes_ += key.size();
    return entries_.try_emplace(std::string(key), std::move(value)).first->second;
  }

  void clear() {
    entries_.clear();
    key_bytes_ = 0;
  }

  [[nodiscard]] std::size_t size() const { return entries_.size(); }
  [[nodiscard]] std::size_t key_bytes() const { return key_bytes_; }

 private:
  // Heterogeneous lookup: a std::string_view finds its entry without building a std::string.
  struct KeyHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view key) const {
      return std::hash<std::string_view>{}(key);
    }
  };

  Limits limits_;
  std::size_t key_bytes_ = 0;
  std::unordered_map<std::string, Value, KeyHash, std::equal_to<>> entries_;
};

// Appends `number`'s bytes and then `text` to a memo key: a catalogue index and a text ("can this
// ARN name a resource of format 12?"), or a text after its length, so that where one text of a
// key ends and the next begins stays unambiguous whatever characters they hold.
inline void append_numbered(std::string& key, std::uint32_t number, std::string_view text) {
  key.append(reinterpret_cast<const char*>(&number), sizeof number);
  key.append(text);
}

}  // namespace iamlint
