// The current time, behind an interface so that rules that depend on time (session
// timeouts, sign-in throttling, token expiry) can be tested with a clock the test moves.
// Times are Unix seconds (UTC). Implementations are thread-safe.
#pragma once

#include <atomic>
#include <cstdint>
#include <ctime>

namespace hawzu::server {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual std::int64_t now() const = 0;
};

class SystemClock final : public Clock {
 public:
  std::int64_t now() const override { return static_cast<std::int64_t>(std::time(nullptr)); }
};

// The system clock moved by a fixed number of seconds. Only for tests of expiry across
// processes: open_app() uses it when HAWZU_TEST_NOW_OFFSET_SECONDS is set (and logs
// that it does); without the variable the server runs on SystemClock.
class OffsetClock final : public Clock {
 public:
  explicit OffsetClock(std::int64_t offset_seconds) : offset_seconds_(offset_seconds) {}
  std::int64_t now() const override {
    return static_cast<std::int64_t>(std::time(nullptr)) + offset_seconds_;
  }

 private:
  std::int64_t offset_seconds_;
};

// For tests: a clock that only moves when told to.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(std::int64_t start) : now_(start) {}
  std::int64_t now() const override { return now_.load(); }
  void set(std::int64_t unix_seconds) { now_.store(unix_seconds); }
  void advance(std::int64_t seconds) { now_.fetch_add(seconds); }

 private:
  std::atomic<std::int64_t> now_;
};

}  // namespace hawzu::server
