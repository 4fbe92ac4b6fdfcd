// Records the calls made with access tokens (docs/product.md#usage) without a database
// write on the request path: record() only appends to a bounded in-memory buffer (a
// full buffer drops the call and counts it, it never waits), and a background thread
// writes what has gathered, about once a second and once more on stop(), in one
// transaction per batch:
//   - one access_token_calls row per call (only the token's newest kUsageRecentCalls
//     of the batch), then the token's calls pruned to the newest kUsageRecentCalls;
//   - the counts of each (token, UTC day) added to access_token_daily_use (an upsert
//     that adds, so servers sharing a database add up), and days older than the
//     kUsageDays window deleted, both for the tokens in the batch only;
//   - the token's last_used_ip, when its latest call came from another address.
// A batch that fails (the database is down) is kept and tried again with the next
// ones, up to kFlushAttempts times, then dropped with a log line (counts, never a
// token). Thread-safe.
#pragma once

#include "db/database.h"
#include "shared/token_usage.h"
#include "util/clock.h"

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace hawzu::server {

// One call as the request path hands it over: raw, cleaned up when written.
struct RecordedCall {
  std::int64_t token_id = 0;
  std::int64_t time = 0;
  std::string method;
  std::shared_ptr<const std::string> route;  // the route template
  int status = 0;
  std::string ip;
  std::string user_agent;  // as sent, at most kMaxRawUserAgent bytes
};

struct UsageRecorderLimits {
  std::size_t max_buffered_calls = 20000;  // beyond this, calls are dropped (and counted)
  std::chrono::milliseconds flush_interval{1000};
};

// The longest User-Agent text taken from a request, and the longest stored (valid UTF-8,
// cut at a character boundary).
inline constexpr std::size_t kMaxRawUserAgent = 1024;
inline constexpr std::size_t kMaxStoredUserAgent = 256;
// How many times a batch is written before it is given up.
inline constexpr int kFlushAttempts = 3;

// `text` as stored: malformed UTF-8 and control characters replaced by U+FFFD, at most
// kMaxStoredUserAgent bytes.
std::string stored_user_agent(const std::string &text);

class UsageRecorder {
 public:
  UsageRecorder(Database &database, const Clock &clock, UsageRecorderLimits limits = {})
      : database_(database), clock_(clock), limits_(limits) {}
  ~UsageRecorder() { stop(); }
  UsageRecorder(const UsageRecorder &) = delete;
  UsageRecorder &operator=(const UsageRecorder &) = delete;

  // Buffers the call; drops it when the buffer is full. Never touches the database.
  void record(RecordedCall call);

  // Writes what is buffered (and what failed before) now. True when nothing is left
  // to write. Called by the background thread; tests call it directly.
  bool flush();

  // Starts the background thread (once). stop() ends it after a last flush.
  void start();
  void stop();

  std::uint64_t dropped_calls() const;  // by a full buffer or a batch given up
  std::size_t buffered_calls() const;

 private:
  void run();
  void write_batch(const std::vector<RecordedCall> &calls);

  Database &database_;
  const Clock &clock_;
  const UsageRecorderLimits limits_;

  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::vector<RecordedCall> buffer_;
  std::uint64_t dropped_ = 0;
  std::uint64_t dropped_by_full_buffer_ = 0;
  bool stopping_ = false;

  // Only flush() touches these; flush_mutex_ keeps two flushes from interleaving.
  std::mutex flush_mutex_;
  std::vector<RecordedCall> retry_;
  int retry_attempts_ = 0;
  std::uint64_t dropped_logged_ = 0;  // full-buffer drops already in the log

  std::thread thread_;
};

}  // namespace hawzu::server
