#include "http/connection_pool.h"

namespace hawzu::server {
namespace {

thread_local bool refusing = false;

std::int64_t steady_now() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

}  // namespace

bool ConnectionLoad::someone_waits(std::chrono::nanoseconds at_least) const {
  if (busy.load() < workers.load()) return false;
  const std::int64_t since = oldest_queued_at.load();
  return since != 0 && steady_now() - since >= at_least.count();
}

ConnectionPool::ConnectionPool(std::size_t workers, std::size_t max_queued,
                               std::shared_ptr<ConnectionLoad> load)
    : max_queued_(max_queued), load_(std::move(load)) {
  load_->workers.store(workers);
  workers_.reserve(workers);
  for (std::size_t i = 0; i < workers; ++i) workers_.emplace_back([this] { work(); });
  refuser_ = std::thread([this] { refuse(); });
}

ConnectionPool::~ConnectionPool() {
  shutdown();
}

bool ConnectionPool::enqueue(std::function<void()> task) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (stopping_) return false;
    if (tasks_.size() < max_queued_) {
      const std::int64_t now = steady_now();
      tasks_.push_back({std::move(task), now});
      if (tasks_.size() == 1) load_->oldest_queued_at.store(now);
      load_->waiting.store(tasks_.size());
      has_task_.notify_one();
      return true;
    }
    if (refusals_.size() >= kMaxRefusalsQueued) return false;  // the library closes it
    refusals_.push_back(std::move(task));
  }
  has_refusal_.notify_one();
  return true;
}

void ConnectionPool::shutdown() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (stopping_ && workers_.empty()) return;
    stopping_ = true;
  }
  has_task_.notify_all();
  has_refusal_.notify_all();
  for (std::thread &worker : workers_)
    if (worker.joinable()) worker.join();
  workers_.clear();
  if (refuser_.joinable()) refuser_.join();
}

bool ConnectionPool::refusing_on_this_thread() {
  return refusing;
}

void ConnectionPool::work() {
  for (;;) {
    std::function<void()> task;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      has_task_.wait(lock, [this] { return stopping_ || !tasks_.empty(); });
      if (tasks_.empty()) return;  // stopping, and nothing left to serve
      task = std::move(tasks_.front().task);
      tasks_.pop_front();
      load_->oldest_queued_at.store(tasks_.empty() ? 0 : tasks_.front().queued_at);
      load_->waiting.store(tasks_.size());
    }
    load_->busy.fetch_add(1);
    task();
    load_->busy.fetch_sub(1);
  }
}

void ConnectionPool::refuse() {
  refusing = true;
  for (;;) {
    std::function<void()> task;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      has_refusal_.wait(lock, [this] { return stopping_ || !refusals_.empty(); });
      if (refusals_.empty()) return;
      task = std::move(refusals_.front());
      refusals_.pop_front();
    }
    task();
  }
}

}  // namespace hawzu::server
