// Runs independent pieces of work on several threads and hands their results, in index order, to
// one consumer as soon as each result and every earlier one are ready. Output can then be written
// while later work is still running, and nothing that comes out depends on scheduling.
#pragma once

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <optional>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

namespace iamlint {

// The thread count for `requested` (0: one per core), never more than there is work for.
[[nodiscard]] inline unsigned thread_count(unsigned requested, std::size_t work) {
  unsigned threads = requested ? requested : std::max(1u, std::thread::hardware_concurrency());
  return static_cast<unsigned>(std::max<std::size_t>(1, std::min<std::size_t>(threads, work)));
}

// Results that may wait for an earlier one, per thread. A result holds a whole input file, so this
// bounds memory when one file takes long while the others fly by.
inline constexpr std::size_t kResultsWaitingPerThread = 4;

// Calls produce(i) for every i in [0, count) on `threads` threads (the caller's among them), and
// consume(result) for each result in the order of i, never two at once. With one thread nothing
// is started: each result is consumed as soon as it is produced.
template <class Produce, class Consume>
void for_each_in_order(std::size_t count, unsigned threads, Produce&& produce, Consume&& consume) {
  using Result = std::invoke_result_t<Produce&, std::size_t>;
  if (threads <= 1) {
    for (std::size_t i = 0; i < count; ++i) consume(produce(i));
    return;
  }
  const std::size_t window = kResultsWaitingPerThread * threads;
  std::vector<std::optional<Result>> slots(window);  // result i waits in slots[i % window]
  std::mutex mutex;
  std::condition_variable consumed;
  std::size_t next_claimed = 0;   // the next index to produce
  std::size_t next_consumed = 0;  // the next index to consume
  bool consuming = false;         // a thread is handing results to `consume`

  auto worker = [&] {
    std::unique_lock lock(mutex);
    while (true) {
      // Claiming past the window would overwrite a slot that still waits to be consumed.
      consumed.wait(lock,
                    [&] { return next_claimed >= count || next_claimed < next_consumed + window; });
      if (next_claimed >= count) return;
      const std::size_t i = next_claimed++;
      lock.unlock();
      Result result = produce(i);
      lock.lock();
      slots[i % window] = std::move(result);
      if (consuming) continue;  // that thread will find this result too
      // Whoever finishes a result consumes what is ready, so no thread sits idle as a writer.
      consuming = true;
      while (next_consumed < count && slots[next_consumed % window]) {
        std::optional<Result> ready = std::exchange(slots[next_consumed % window], std::nullopt);
        lock.unlock();
        consume(std::move(*ready));
        ready.reset();  // freed outside the lock
        lock.lock();
        ++next_consumed;
        consumed.notify_all();
      }
      consuming = false;
    }
  };
  std::vector<std::jthread> helpers;
  for (unsigned t = 1; t < threads; ++t) helpers.emplace_back(worker);
  worker();
}  // the jthreads join here

}  // namespace iamlint
