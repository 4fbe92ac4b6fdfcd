// Password hashing with Argon2id (crypto_pwhash_str), docs/security.md#passwords-and-sign-in.
//
// Each hash or verify takes about 64 MiB and tens of milliseconds with the INTERACTIVE
// limits. A semaphore caps how many run at once (about one per core) so that a burst
// of sign-ins queues instead of exhausting memory. Thread-safe.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <future>
#include <mutex>
#include <string>
#include <string_view>

namespace hawzu::server {

struct PasswordHashLimits {
  unsigned long long ops_limit;
  std::size_t mem_limit;
  static PasswordHashLimits interactive();
  static PasswordHashLimits minimum_for_tests();  // fast; never for real passwords
};

// Passwords longer than this are refused before hashing (they are not a real need,
// and the limit keeps work per request bounded).
inline constexpr std::size_t kMaxPasswordBytes = 1024;

class PasswordHasher {
 public:
  // `max_concurrent` 0: std::thread::hardware_concurrency() (at least 1).
  explicit PasswordHasher(PasswordHashLimits limits, unsigned max_concurrent = 0);
  ~PasswordHasher();
  PasswordHasher(const PasswordHasher &) = delete;
  PasswordHasher &operator=(const PasswordHasher &) = delete;

  // The crypto_pwhash_str text ("$argon2id$v=19$m=...") for `password`. Throws
  // std::bad_alloc when the memory cannot be had.
  std::string hash(std::string_view password);

  // True when `password` matches `stored_hash`. A malformed hash never matches.
  bool verify(std::string_view stored_hash, std::string_view password);

  // Does the same work as verify() against a fixed hash and returns false: for
  // sign-ins with an unknown email, so timing does not tell which accounts exist.
  void verify_dummy(std::string_view password);

  // True when `stored_hash` was made with other limits than the current ones.
  bool needs_rehash(std::string_view stored_hash) const;

 private:
  class Slot;  // RAII: one of the semaphore's permits

  PasswordHashLimits limits_;
  unsigned max_concurrent_;
  std::mutex mutex_;
  std::condition_variable slot_freed_;
  unsigned running_ = 0;
  // Made in the background at construction (it takes as long as a real hash), so that
  // start-up does not wait for it; the first verify_dummy() waits if need be.
  std::shared_future<std::string> dummy_hash_;
};

}  // namespace hawzu::server
