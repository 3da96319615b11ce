// Memos for rules whose findings on an Action or Resource list are a pure function of its entries'
// texts: AWS managed policies repeat their lists from one version to the next, so such a rule can
// judge each distinct list once.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "support/memo.h"

namespace iamlint::rules {

// Longer lists are judged afresh: a crafted list of a million entries would otherwise be copied
// into its key and again into the memo. The longest list of the AWS managed policies makes a key
// of 114 KB.
inline constexpr std::size_t kLongestRememberedList = 256 << 10;

// The texts of `entries` as one key, each after its length so that no two lists share a key, or
// nothing for a list too long to remember. The view is into a per-thread buffer, valid until the
// next call.
template <class Entry>
std::optional<std::string_view> list_key(const std::vector<Entry>& entries) {
  std::size_t size = 0;
  for (const Entry& entry : entries) size += sizeof(std::uint32_t) + entry.text.value.size();
  if (size > kLongestRememberedList) return std::nullopt;
  thread_local std::string key;
  key.clear();
  for (const Entry& entry : entries) {
    const auto length = static_cast<std::uint32_t>(entry.text.value.size());
    key.append(reinterpret_cast<const char*>(&length), sizeof length);
    key.append(entry.text.value);
  }
  return key;
}

// judge(), remembered in `memo` for the list of `entries`.
template <class Value, class Entry, class Judge>
Value judge_list(Memo<Value>& memo, const std::vector<Entry>& entries, Judge&& judge) {
  const std::optional<std::string_view> key = list_key(entries);
  if (!key) return judge();
  return memo.get(*key, std::forward<Judge>(judge));
}

}  // namespace iamlint::rules
