#include "support/memo.h"

#include <string>
#include <string_view>
#include <thread>

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
  CHECK(memo.key_bytes() == 17);
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
  Memo<std::size_t> memo({.entries = 3, .key_bytes = 1000});
  CountedLength length;
  for (std::string_view key : {"a", "bb", "ccc"}) memo.get(key, [&] { return length(key); });
  CHECK(memo.size() == 3);
  CHECK(memo.get("dddd", [&] { return length("dddd"); }) == 4);
  CHECK(memo.size() == 1);
  CHECK(memo.key_bytes() == 4);
  // Forgotten keys are computed again, with the same result.
  CHECK(memo.get("a", [&] { return length("a"); }) == 1);
  CHECK(length.calls == 5);
}

TEST_CASE("Memo forgets everything when the key bytes limit would be passed") {
  Memo<std::size_t> memo({.entries = 100, .key_bytes = 10});
  memo.get("12345678", [] { return std::size_t{8}; });
  memo.get("12", [] { return std::size_t{2}; });
  CHECK(memo.size() == 2);
  CHECK(memo.get("123", [] { return std::size_t{3}; }) == 3);
  CHECK(memo.size() == 1);
  // A key longer than the limit is still answered, and held alone until the next entry.
  const std::string huge(100, 'x');
  CHECK(memo.get(huge, [&] { return huge.size(); }) == 100);
  CHECK(memo.size() == 1);
  CHECK(memo.get("y", [] { return std::size_t{1}; }) == 1);
  CHECK(memo.size() == 1);
  CHECK(memo.key_bytes() == 1);
}

TEST_CASE("Memo clear forgets every entry") {
  Memo<int> memo;
  memo.get("a", [] { return 1; });
  memo.clear();
  CHECK(memo.size() == 0);
  CHECK(memo.key_bytes() == 0);
  CHECK(memo.get("a", [] { return 2; }) == 2);
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
