// Sign-in throttling (SECURITY.md "Throttle failures per account and per client
// address"): at most `max_failures_per_account` failed sign-ins per email address and
// `max_failures_per_address` per client address within a sliding window; beyond that,
// sign-in answers 429 with Retry-After until the oldest failure leaves the window.
//
// Kept in memory, not in SQLite: a failure then costs no disk write (so a flood of
// wrong passwords cannot be turned into a flood of writes), and a restart, which an
// attacker cannot cause, merely forgets the counts. With several server processes
// each counts on its own, so the effective limit is multiplied by their number.
//
// Attempts are counted when they begin, before the password is checked: a burst of
// parallel guesses cannot all slip in before the first failure is recorded. A
// successful attempt is then forgiven. Thread-safe.
#pragma once

#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace hawzu::server {

struct ThrottlePolicy {
  int max_failures_per_account = 5;
  int max_failures_per_address = 20;
  std::int64_t window_seconds = 15 * 60;
  // Memory bound: beyond this many tracked keys, entries with no failure inside the
  // window are dropped, and if that is not enough, arbitrary ones.
  std::size_t max_tracked_keys = 100000;
};

class SignInThrottle {
 public:
  explicit SignInThrottle(ThrottlePolicy policy = {}) : policy_(policy) {}
  SignInThrottle(const SignInThrottle &) = delete;
  SignInThrottle &operator=(const SignInThrottle &) = delete;

  // Returns 0 and records the attempt as a failure when it may go ahead; else the
  // seconds to wait (>= 1) and records nothing.
  // `account` is the email as typed (compared case-insensitively); `address` the
  // client address from the socket.
  std::int64_t begin_attempt(std::string_view account, std::string_view address, std::int64_t now);

  // The attempt begun at `started_at` succeeded: the account's failures are cleared
  // and the address loses that one recorded attempt.
  void forgive(std::string_view account, std::string_view address, std::int64_t started_at);

  // The key an address is counted under: IPv4 as is; IPv6 by its /64 prefix (one
  // client typically holds a whole /64); IPv4-mapped IPv6 as the IPv4 address.
  static std::string address_key(std::string_view address);

  // How many accounts and how many addresses are tracked now (for the memory bound:
  // neither exceeds policy.max_tracked_keys).
  std::size_t tracked_accounts() const;
  std::size_t tracked_addresses() const;

 private:
  using Failures = std::deque<std::int64_t>;  // times, oldest first, at most the limit

  std::int64_t wait_seconds(const Failures *failures, int limit, std::int64_t now) const;
  void record(std::unordered_map<std::string, Failures> &map, const std::string &key, int limit,
              std::int64_t now);
  void trim(std::unordered_map<std::string, Failures> &map, std::int64_t now);

  ThrottlePolicy policy_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Failures> by_account_;
  std::unordered_map<std::string, Failures> by_address_;
};

}  // namespace hawzu::server
