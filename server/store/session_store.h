// Web sessions, looked up by the hash of their id (the id itself is never stored).
// Not thread-safe.
#pragma once

#include "db/database.h"
#include "security/session_id.h"

#include <cstdint>
#include <optional>

namespace hawzu::server {

struct SessionRecord {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  std::int64_t created_at = 0;
  std::int64_t last_seen_at = 0;
};

class SessionStore {
 public:
  explicit SessionStore(Connection &connection) : db_(connection) {}

  // Returns the new session's id.
  std::int64_t insert(const SessionIdHash &id_hash, std::int64_t user_id, std::int64_t now);
  std::optional<SessionRecord> find(const SessionIdHash &id_hash);
  void touch(std::int64_t session_id, std::int64_t now);
  void remove(std::int64_t session_id);
  // Every session last seen before `idle_cutoff` or created before `absolute_cutoff`.
  int remove_expired(std::int64_t idle_cutoff, std::int64_t absolute_cutoff);

 private:
  Connection &db_;
};

}  // namespace hawzu::server
