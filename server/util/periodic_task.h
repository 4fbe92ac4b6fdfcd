// A background thread that runs one piece of work at start and then every interval
// until stopped: the loop the server's housekeeping (the policy sweep) shares. The work
// runs on that thread only, never two at once; an exception from it is logged and the
// loop goes on (the next run may find the database back). Thread-safe.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace hawzu::server {

class PeriodicTask {
 public:
  // `name` appears in the log line of a failed run.
  PeriodicTask(std::string name, std::chrono::milliseconds interval, std::function<void()> work)
      : name_(std::move(name)), interval_(interval), work_(std::move(work)) {}
  ~PeriodicTask() { stop(); }
  PeriodicTask(const PeriodicTask &) = delete;
  PeriodicTask &operator=(const PeriodicTask &) = delete;

  void start();  // once; later calls do nothing
  void stop();   // waits for a run in progress to end

 private:
  void run();

  const std::string name_;
  const std::chrono::milliseconds interval_;
  const std::function<void()> work_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace hawzu::server
