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

namespace parallel_detail {

// What the threads of one for_each_in_order share.
struct Progress {
  Progress(std::size_t window, std::size_t budget)
      : window(window), budget(budget), held_by(window) {}

  const std::size_t window;  // result i waits in slot i % window
  const std::size_t budget;
  std::mutex mutex;
  std::condition_variable consumed;  // a result was consumed, or holds less
  std::size_t next_claimed = 0;      // the next index to produce
  std::size_t next_consumed = 0;     // the next index to consume
  std::size_t held = 0;              // bytes admitted for results not consumed yet
  std::vector<std::size_t> held_by;  // per slot
};

}  // namespace parallel_detail

// Handed to each produce(i, admission): the way a piece of work keeps the memory of the work under
// way and of the results waiting to be consumed within a budget, at any thread count.
class Admission {
 public:
  // Counts `bytes` as what this piece of work holds until its result has been consumed: before the
  // work, what it and its result may take at most; once done, what the result keeps. Waits while
  // more would exceed the budget, but the result the consumer needs next never waits (so the run
  // always moves on), which lets one piece of work of any size through.
  void hold(std::size_t bytes) {
    if (progress_ == nullptr) return;  // one thread: nothing else holds memory meanwhile
    std::unique_lock lock(progress_->mutex);
    std::size_t& mine = progress_->held_by[index_ % progress_->window];
    if (bytes > mine) {
      progress_->consumed.wait(lock, [&] {
        return index_ == progress_->next_consumed ||
               progress_->held - mine + bytes <= progress_->budget;
      });
    }
    const bool fewer = bytes < mine;
    progress_->held = progress_->held - mine + bytes;
    mine = bytes;
    if (fewer) progress_->consumed.notify_all();
  }

 private:
  template <class Produce, class Consume>
  friend void for_each_in_order(std::size_t count, unsigned threads, std::size_t budget,
                                Produce&& produce, Consume&& consume);
  Admission(parallel_detail::Progress* progress, std::size_t index)
      : progress_(progress), index_(index) {}

  parallel_detail::Progress* progress_;  // null with one thread
  std::size_t index_;
};

// Calls produce(i, admission) for every i in [0, count) on `threads` threads (the caller's among
// them), and consume(result) for each result in the order of i, never two at once; the bytes
// admitted (see Admission) stay within `budget` but for one result. With one thread nothing is
// started: each result is consumed as soon as it is produced.
template <class Produce, class Consume>
void for_each_in_order(std::size_t count, unsigned threads, std::size_t budget, Produce&& produce,
                       Consume&& consume) {
  using Result = std::invoke_result_t<Produce&, std::size_t, Admission&>;
  if (threads <= 1) {
    for (std::size_t i = 0; i < count; ++i) {
      Admission admission(nullptr, i);
      consume(produce(i, admission));
    }
    return;
  }
  parallel_detail::Progress progress(kResultsWaitingPerThread * threads, budget);
  const std::size_t window = progress.window;
  std::vector<std::optional<Result>> slots(window);
  bool consuming = false;  // a thread is handing results to `consume`

  auto worker = [&] {
    std::unique_lock lock(progress.mutex);
    while (true) {
      // Claiming past the window would overwrite a slot that still waits to be consumed.
      progress.consumed.wait(lock, [&] {
        return progress.next_claimed >= count ||
               progress.next_claimed < progress.next_consumed + window;
      });
      if (progress.next_claimed >= count) return;
      const std::size_t i = progress.next_claimed++;
      lock.unlock();
      Admission admission(&progress, i);
      Result result = produce(i, admission);
      lock.lock();
      slots[i % window] = std::move(result);
      if (consuming) continue;  // that thread will find this result too
      // Whoever finishes a result consumes what is ready, so no thread sits idle as a writer.
      consuming = true;
      while (progress.next_consumed < count && slots[progress.next_consumed % window]) {
        const std::size_t slot = progress.next_consumed % window;
        std::optional<Result> ready = std::exchange(slots[slot], std::nullopt);
        lock.unlock();
        consume(std::move(*ready));
        ready.reset();  // freed outside the lock
        lock.lock();
        progress.held -= std::exchange(progress.held_by[slot], 0);
        ++progress.next_consumed;
        progress.consumed.notify_all();
      }
      consuming = false;
    }
  };
  std::vector<std::jthread> helpers;
  for (unsigned t = 1; t < threads; ++t) helpers.emplace_back(worker);
  worker();
}  // the jthreads join here

}  // namespace iamlint
