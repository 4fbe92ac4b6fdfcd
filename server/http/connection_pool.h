// The task queue cpp-httplib hands each accepted connection to (Server::new_task_queue).
//
// cpp-httplib serves one connection on one pool thread for the connection's whole life,
// so the pool is the server's capacity. This pool has a fixed number of workers and a
// bounded queue of connections waiting for one. When the queue is full, the
// connection is not dropped silently: it goes to a single refusal thread, where the
// connection guard (guarded_server.h) answers it 503 with Retry-After at once (it
// asks refusing_on_this_thread()). Only when that short queue is full too is the
// connection closed without an answer.
//
// waiting() tells the guard that someone is queued, so that connections sitting idle
// between keep-alive requests give their worker up (they never starve active ones).
#pragma once

#include "httplib_config.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace hawzu::server {

// Shared between the pool (which the library creates and destroys around listen())
// and the connection guard, which reads it from the workers.
struct ConnectionLoad {
  std::atomic<std::size_t> waiting{0};  // accepted connections queued for a worker
  std::atomic<std::size_t> busy{0};     // workers serving a connection
  std::atomic<std::size_t> workers{0};  // the pool's size
  // When the connection first in the queue was queued (steady clock, in ns since its
  // epoch); 0 when the queue is empty.
  std::atomic<std::int64_t> oldest_queued_at{0};

  // True when every worker is busy and a connection has waited for one for at least
  // `at_least`: real pressure, not the instant between queueing and a free worker
  // taking it up.
  bool someone_waits(std::chrono::nanoseconds at_least) const;
};

class ConnectionPool final : public httplib::TaskQueue {
 public:
  ConnectionPool(std::size_t workers, std::size_t max_queued, std::shared_ptr<ConnectionLoad> load);
  ~ConnectionPool() override;
  ConnectionPool(const ConnectionPool &) = delete;
  ConnectionPool &operator=(const ConnectionPool &) = delete;

  bool enqueue(std::function<void()> task) override;
  // Runs what is queued, then stops the threads (the library calls it after stop()).
  void shutdown() override;

  // True on the refusal thread: the connection it runs must be answered 503 at once.
  static bool refusing_on_this_thread();

 private:
  void work();
  void refuse();

  const std::size_t max_queued_;
  static constexpr std::size_t kMaxRefusalsQueued = 1024;
  std::shared_ptr<ConnectionLoad> load_;
  std::mutex mutex_;
  std::condition_variable has_task_;
  std::condition_variable has_refusal_;
  struct Queued {
    std::function<void()> task;
    std::int64_t queued_at;
  };
  std::deque<Queued> tasks_;
  std::deque<std::function<void()>> refusals_;
  bool stopping_ = false;
  std::vector<std::thread> workers_;
  std::thread refuser_;
};

}  // namespace hawzu::server
