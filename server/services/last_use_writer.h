// Writes access tokens' last_used_at off the request path: note() only records the
// (token, time) in memory; a background thread writes what was noted about once a
// second, and once more on stop(), in one transaction, each row with the condition of
// TokenStore::record_use (unset or older than kLastUsedWriteInterval), so processes
// sharing a database write a busy token once a minute between them. A failed batch
// (the database is down) is logged and dropped: it is bookkeeping, and the token's
// next use a minute later notes it again. Thread-safe.
#pragma once

#include "db/database.h"
#include "util/periodic_task.h"

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>

namespace hawzu::server {

class LastUseWriter {
 public:
  explicit LastUseWriter(Database &database,
                         std::chrono::milliseconds interval = std::chrono::milliseconds{1000});
  ~LastUseWriter() { stop(); }
  LastUseWriter(const LastUseWriter &) = delete;
  LastUseWriter &operator=(const LastUseWriter &) = delete;

  // Notes that the token was used at `when` (the latest time noted wins). Never waits
  // for the database.
  void note(std::int64_t token_id, std::int64_t when);

  // Writes what is noted now. Called by the background thread; tests call it directly.
  void flush();

  void start();  // once
  void stop();   // ends the thread after a last flush

 private:
  Database &database_;
  std::mutex mutex_;
  std::map<std::int64_t, std::int64_t> noted_;  // token id -> time of use
  std::mutex flush_mutex_;
  std::unique_ptr<PeriodicTask> task_;
};

}  // namespace hawzu::server
