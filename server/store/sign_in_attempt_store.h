// Failed and in-progress sign-in attempts, the counts behind sign-in throttling
// (security/sign_in_throttle.h). Rows older than the window are pruned as attempts
// come in. Stores keys only (lower-case e-mail as typed, address or /64 prefix),
// never a password. Not thread-safe.
#pragma once

#include "db/database.h"
#include "security/sign_in_throttle.h"

#include <cstdint>
#include <string>

namespace hawzu::server {

class SignInAttemptStore {
 public:
  explicit SignInAttemptStore(Connection &connection) : db_(connection) {}

  // The attempts recorded after `since` for this account and address.
  AttemptCounts count(const std::string &account_key, const std::string &address_key,
                      std::int64_t since);
  // Records an attempt (counted as a failure until forgiven); returns its id.
  std::int64_t record(const std::string &account_key, const std::string &address_key,
                      std::int64_t now);
  // Forgets every attempt of this account from this address (a success).
  void forgive_pair(const std::string &account_key, const std::string &address_key);
  // Deletes attempts at or before `before`.
  void prune(std::int64_t before);

 private:
  Connection &db_;
};

}  // namespace hawzu::server
