#include "security/password_hasher.h"

#include "security/random_text.h"

#include <sodium.h>

#include <algorithm>
#include <new>
#include <thread>

namespace hawzu::server {

PasswordHashLimits PasswordHashLimits::interactive() {
  return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
}

PasswordHashLimits PasswordHashLimits::minimum_for_tests() {
  return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};
}

// A counting semaphore permit (C++17 has no std::counting_semaphore).
class PasswordHasher::Slot {
 public:
  explicit Slot(PasswordHasher &owner) : owner_(owner) {
    std::unique_lock<std::mutex> lock(owner_.mutex_);
    owner_.slot_freed_.wait(lock, [this] { return owner_.running_ < owner_.max_concurrent_; });
    ++owner_.running_;
  }
  ~Slot() {
    {
      std::lock_guard<std::mutex> lock(owner_.mutex_);
      --owner_.running_;
    }
    owner_.slot_freed_.notify_one();
  }
  Slot(const Slot &) = delete;
  Slot &operator=(const Slot &) = delete;

 private:
  PasswordHasher &owner_;
};

PasswordHasher::PasswordHasher(PasswordHashLimits limits, unsigned max_concurrent)
    : limits_(limits), max_concurrent_(max_concurrent) {
  if (max_concurrent_ == 0) max_concurrent_ = std::max(1u, std::thread::hardware_concurrency());
  // The dummy hash has the current limits, so verifying against it costs what a real
  // verify costs. Its password is random and thrown away.
  dummy_hash_ = std::async(std::launch::async, [this] {
                  SecretString throwaway = random_base62(32);
                  return hash(throwaway.view());
                }).share();
}

PasswordHasher::~PasswordHasher() {
  // The background hash uses this object: let it finish first.
  if (dummy_hash_.valid()) dummy_hash_.wait();
}

std::string PasswordHasher::hash(std::string_view password) {
  char out[crypto_pwhash_STRBYTES];
  int rc;
  {
    Slot slot(*this);
    rc = crypto_pwhash_str(out, password.data(), password.size(), limits_.ops_limit,
                           limits_.mem_limit);
  }
  if (rc != 0) throw std::bad_alloc();
  return std::string(out);
}

bool PasswordHasher::verify(std::string_view stored_hash, std::string_view password) {
  // crypto_pwhash_str_verify wants a NUL-terminated string of at most STRBYTES.
  if (stored_hash.size() >= crypto_pwhash_STRBYTES) return false;
  std::string terminated(stored_hash);
  Slot slot(*this);
  return crypto_pwhash_str_verify(terminated.c_str(), password.data(), password.size()) == 0;
}

void PasswordHasher::verify_dummy(std::string_view password) {
  (void)verify(dummy_hash_.get(), password);
}

bool PasswordHasher::needs_rehash(std::string_view stored_hash) const {
  std::string terminated(stored_hash);
  // 1: other limits; -1: not an Argon2id string at all. Both deserve a new hash.
  return crypto_pwhash_str_needs_rehash(terminated.c_str(), limits_.ops_limit, limits_.mem_limit) !=
         0;
}

}  // namespace hawzu::server
