// Runs independent pieces of work on several threads; callers store each result at its index,
// so nothing that comes out depends on scheduling.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace iamlint {

// The thread count for `requested` (0: one per core), never more than there is work for.
[[nodiscard]] inline unsigned thread_count(unsigned requested, std::size_t work) {
  unsigned threads = requested ? requested : std::max(1u, std::thread::hardware_concurrency());
  return static_cast<unsigned>(std::max<std::size_t>(1, std::min<std::size_t>(threads, work)));
}

// Calls body(i) for every i in [0, count) on `threads` threads (the caller's among them).
template <class Body>
void parallel_for(std::size_t count, unsigned threads, Body&& body) {
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t i = next++; i < count; i = next++) body(i);
  };
  std::vector<std::jthread> helpers;
  for (unsigned t = 1; t < threads; ++t) helpers.emplace_back(worker);
  worker();
}  // the jthreads join here

}  // namespace iamlint
