// One read shared by the threads that want it at the same time, under one rule: a caller
// gets the result of a run that began after the caller arrived. So each caller sees
// everything committed before it called, exactly as if it had run the read itself,
// while callers that arrive together share one round trip to the database. This is how
// the PostgreSQL backend reads its change stamp (db/change_stamp.h): under load, one
// query answers for every Bearer request that arrived while the previous one ran.
//
// The first caller to find no run in progress runs the read on its own thread; the
// others wait for the first run that began after they arrived: the next one, since the
// one in progress began before them. So at most two groups wait, those of the run in
// progress and those of the next, each on its own condition variable (by the run's
// parity): a finished run wakes its own callers, and one caller of the next run to run
// it, not everyone. A read that throws yields nullopt for that run's callers, who then
// read the database themselves. Thread-safe.
#pragma once

#include "db/change_stamp.h"

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>

namespace hawzu::server {

class CoalescedRead {
 public:
  using Read = std::function<std::optional<ChangeStamp>()>;
  explicit CoalescedRead(Read read) : read_(std::move(read)) {}
  CoalescedRead(const CoalescedRead &) = delete;
  CoalescedRead &operator=(const CoalescedRead &) = delete;

  std::optional<ChangeStamp> get();

  // How many times the read ran (for tests).
  std::uint64_t runs() const;

 private:
  const Read read_;
  mutable std::mutex mutex_;
  std::condition_variable run_finished_[2];  // by the parity of the run waited for
  int waiting_[2] = {0, 0};                  // callers waiting, by the same parity
  std::uint64_t started_ = 0;                // runs begun
  std::uint64_t finished_ = 0;               // the number of the last run that finished
  std::optional<ChangeStamp> result_;        // of run `finished_`
};

}  // namespace hawzu::server
