#include "support/memo.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <doctest/doctest.h>

namespace iamlint {
namespace {

// A pure function that counts how often it really runs.
struct CountedLength {
  int calls = 0;
  std::size_t operator()(std::string_view text) {
    ++calls;
    return text.size();
  }
};

TEST_CASE("Memo computes a key once and then remembers it") {
  Memo<std::size_t> memo;
  CountedLength length;
  CHECK(memo.get("s3:GetObject", [&] { return length("s3:GetObject"); }) == 12);
  CHECK(memo.get("s3:GetObject", [&] { return length("s3:GetObject"); }) == 12);
  CHECK(memo.get("iam:*", [&] { return length("iam:*"); }) == 5);
  CHECK(length.calls == 2);
  CHECK(memo.size() == 2);
}

TEST_CASE("Memo keys are exact: case and empty keys are distinct entries") {
  Memo<std::string> memo;
  CHECK(memo.get("S3:GetObject", [] { return std::string("upper"); }) == "upper");
  CHECK(memo.get("s3:getobject", [] { return std::string("lower"); }) == "lower");
  CHECK(memo.get("", [] { return std::string("empty"); }) == "empty");
  CHECK(memo.get("S3:GetObject", [] { return std::string("again"); }) == "upper");
  CHECK(memo.size() == 3);
}

TEST_CASE("Memo owns its keys: the caller's buffer may change afterwards") {
  Memo<int> memo;
  std::string key = "ec2:RunInstances";
  memo.get(key, [] { return 1; });
  key = "ec2:StopInstances";
  CHECK(memo.get("ec2:RunInstances", [] { return 2; }) == 1);
  CHECK(memo.get(key, [] { return 3; }) == 3);
}

TEST_CASE("Memo forgets everything when the entry limit would be passed") {
  Memo<std::size_t> memo({.entries = 3, .bytes = 1 << 20});
  CountedLength length;
  for (std::string_view key : {"a", "bb", "ccc"}) memo.get(key, [&] { return length(key); });
  CHECK(memo.size() == 3);
  CHECK(memo.get("dddd", [&] { return length("dddd"); }) == 4);
  CHECK(memo.size() == 1);
  // Forgotten keys are computed again, with the same result.
  CHECK(memo.get("a", [&] { return length("a"); }) == 1);
  CHECK(length.calls == 5);
}

TEST_CASE("Memo stays within its byte limit") {
  Memo<std::string> memo({.entries = 1 << 20, .bytes = 64 << 10});
  std::size_t most = 0;
  for (int i = 0; i < 20000; ++i) {
    const std::string key = "service" + std::to_string(i) + ":Action";
    CHECK(memo.get(key, [&] { return std::string(i % 50, 'v'); }).size() ==
          static_cast<std::size_t>(i % 50));
    REQUIRE(memo.bytes() <= std::size_t{64} << 10);
    most = std::max(most, memo.size());
  }
  CHECK(most > 200);
  // A value that owns more than the limit is answered, not remembered.
  const std::string huge(100 << 10, 'x');
  CHECK(memo.get("huge", [&] { return huge; }) == huge);
  CHECK(memo.bytes() <= std::size_t{64} << 10);
  CHECK(memo.get("huge", [] { return std::string("again"); }) == "again");
}

TEST_CASE("Memo clear forgets every entry") {
  Memo<int> memo;
  memo.get("a", [] { return 1; });
  memo.clear();
  CHECK(memo.size() == 0);
  CHECK(memo.get("a", [] { return 2; }) == 2);
}

TEST_CASE("heap_bytes counts what strings, vectors and optionals own") {
  CHECK(heap_bytes(42) == 0);
  CHECK(heap_bytes(std::string("short")) == 0);
  CHECK(heap_bytes(std::string(100, 'x')) > 100);
  CHECK(heap_bytes(std::optional<std::string>()) == 0);
  CHECK(heap_bytes(std::vector<std::uint32_t>()) == 0);
  const std::vector<std::string> strings(3, std::string(100, 'x'));
  CHECK(heap_bytes(strings) > 3 * sizeof(std::string) + 300);
}

TEST_CASE("fast_hash tells texts apart and is the same for equal texts") {
  std::set<std::uint64_t> seen;
  std::string text;
  for (int i = 0; i < 100; ++i) {
    CHECK(fast_hash(text) == fast_hash(std::string(text)));
    seen.insert(fast_hash(text));
    text += static_cast<char>('a' + i % 26);
  }
  CHECK(seen.size() == 100);  // every length from 0 to 99, each tail shape
  CHECK(fast_hash("s3:GetObject") != fast_hash("s3:GetObjekt"));
  CHECK(fast_hash(std::string_view("ab\0", 3)) != fast_hash("ab"));
}

// The intended use: a thread_local memo in front of a pure function gives every thread the same
// answers, each computed on that thread.
std::size_t memoized_length(std::string_view text, int& calls) {
  thread_local Memo<std::size_t> memo;
  return memo.get(text, [&] {
    ++calls;
    return text.size();
  });
}

TEST_CASE("Memo in a thread_local: one cache per thread") {
  int main_calls = 0;
  CHECK(memoized_length("kms:Decrypt", main_calls) == 11);
  CHECK(memoized_length("kms:Decrypt", main_calls) == 11);
  CHECK(main_calls == 1);
  int other_calls = 0;
  std::size_t other_result = 0;
  std::thread other([&] {
    other_result = memoized_length("kms:Decrypt", other_calls);
    memoized_length("kms:Decrypt", other_calls);
  });
  other.join();
  CHECK(other_result == 11);
  CHECK(other_calls == 1);
}

}  // namespace
}  // namespace iamlint
