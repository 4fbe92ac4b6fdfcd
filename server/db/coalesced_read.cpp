#include "db/coalesced_read.h"

#include <exception>

namespace hawzu::server {

std::optional<ChangeStamp> CoalescedRead::get() {
  std::unique_lock<std::mutex> lock(mutex_);
  // The run in progress, if any, began before this call: only a later one will do.
  const std::uint64_t needed = started_ + 1;
  const std::size_t parity = needed % 2;
  while (finished_ < needed) {
    // A run is in progress while the last one begun has not finished.
    if (started_ != finished_) {
      ++waiting_[parity];
      run_finished_[parity].wait(lock);
      --waiting_[parity];
      continue;
    }
    const std::uint64_t run = ++started_;  // == needed: nothing runs, so none began since
    lock.unlock();
    std::optional<ChangeStamp> result;
    try {
      result = read_();
    } catch (const std::exception &) {
      // The callers read the database themselves and meet the failure there.
    }
    lock.lock();
    finished_ = run;
    result_ = result;
    // Those who arrived during this run need the next: one of them runs it.
    const bool next_is_wanted = waiting_[(run + 1) % 2] > 0;
    lock.unlock();
    // Woken after the unlock, the waiters do not queue up again on the mutex at once.
    run_finished_[run % 2].notify_all();
    if (next_is_wanted) run_finished_[(run + 1) % 2].notify_one();
    return result;
  }
  return result_;
}

std::uint64_t CoalescedRead::runs() const {
  const std::lock_guard<std::mutex> lock(mutex_);
  return started_;
}

}  // namespace hawzu::server
