#include "support/parallel.h"

#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include <doctest/doctest.h>

namespace iamlint {
namespace {

TEST_CASE("for_each_in_order consumes every result once, in index order") {
  for (unsigned threads : {1u, 2u, 3u, 8u}) {
    CAPTURE(threads);
    constexpr std::size_t kCount = 500;
    std::vector<std::string> consumed;
    std::atomic<int> consuming{0};
    bool overlapped = false;
    for_each_in_order(
        kCount, threads,
        [](std::size_t i) {
          // Uneven work, so that later results are often ready before earlier ones.
          if (i % 7 == 0) std::this_thread::sleep_for(std::chrono::microseconds(200));
          return std::to_string(i);
        },
        [&](std::string result) {
          overlapped |= consuming.fetch_add(1) != 0;
          consumed.push_back(std::move(result));
          consuming.fetch_sub(1);
        });
    CHECK_FALSE(overlapped);
    REQUIRE(consumed.size() == kCount);
    for (std::size_t i = 0; i < kCount; ++i) CHECK(consumed[i] == std::to_string(i));
  }
}

TEST_CASE("for_each_in_order keeps few results waiting for a slow one") {
  // Result 0 is slow; the others must not all be produced while it is pending.
  constexpr unsigned kThreads = 2;
  std::atomic<std::size_t> produced_while_first_pending{0};
  std::atomic<bool> first_done{false};
  for_each_in_order(
      200, kThreads,
      [&](std::size_t i) {
        if (i == 0) {
          std::this_thread::sleep_for(std::chrono::milliseconds(50));
          first_done = true;
        } else if (!first_done) {
          ++produced_while_first_pending;
        }
        return i;
      },
      [](std::size_t) {});
  CHECK(produced_while_first_pending <= kResultsWaitingPerThread * kThreads);
}

TEST_CASE("thread_count never exceeds the work") {
  CHECK(thread_count(8, 1) == 1);
  CHECK(thread_count(8, 0) == 1);
  CHECK(thread_count(2, 100) == 2);
  CHECK(thread_count(0, 100) >= 1);
}

}  // namespace
}  // namespace iamlint
