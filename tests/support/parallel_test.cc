#include "support/parallel.h"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>
#include <thread>
#include <vector>

#include <doctest/doctest.h>

namespace iamlint {
namespace {

constexpr std::size_t kNoBudget = SIZE_MAX;

TEST_CASE("for_each_in_order consumes every result once, in index order") {
  for (unsigned threads : {1u, 2u, 3u, 8u}) {
    CAPTURE(threads);
    constexpr std::size_t kCount = 500;
    std::vector<std::string> consumed;
    std::atomic<int> consuming{0};
    bool overlapped = false;
    for_each_in_order(
        kCount, threads, kNoBudget,
        [](std::size_t i, Admission& /*admission*/) {
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
      200, kThreads, kNoBudget,
      [&](std::size_t i, Admission& /*admission*/) {
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

TEST_CASE("for_each_in_order keeps the bytes held within the budget but for the next result") {
  // Each piece holds 10 bytes while it works and 4 once done, until consumed: only the piece the
  // consumer needs next may take the 25 bytes of the budget past it.
  for (unsigned threads : {1u, 2u, 8u}) {
    CAPTURE(threads);
    std::atomic<std::size_t> held{0};
    std::atomic<std::size_t> most_held{0};
    std::vector<std::size_t> consumed;
    for_each_in_order(
        300, threads, 25,
        [&](std::size_t i, Admission& admission) {
          admission.hold(10);
          const std::size_t now = held += 10;
          std::size_t most = most_held;
          while (now > most && !most_held.compare_exchange_weak(most, now)) {
          }
          if (i % 5 == 0) std::this_thread::sleep_for(std::chrono::microseconds(100));
          held -= 6;
          admission.hold(4);
          return i;
        },
        [&](std::size_t i) {
          held -= 4;
          consumed.push_back(i);
        });
    CHECK(most_held <= 25 + 10);
    REQUIRE(consumed.size() == 300);
    for (std::size_t i = 0; i < consumed.size(); ++i) CHECK(consumed[i] == i);
  }
}

TEST_CASE("thread_count never exceeds the work") {
  CHECK(thread_count(8, 1) == 1);
  CHECK(thread_count(8, 0) == 1);
  CHECK(thread_count(2, 100) == 2);
  CHECK(thread_count(0, 100) >= 1);
}

}  // namespace
}  // namespace iamlint
