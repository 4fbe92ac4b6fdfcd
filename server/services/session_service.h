// Web sessions (docs/security.md#sessions): starting one at sign-in, resuming it on each
// request, ending it at sign-out. A session ends after `idle_seconds` without a request
// or `absolute_seconds` after sign-in, whichever comes first. Thread-safe (it leases a
// connection per call; start() uses the caller's, inside the caller's transaction).
#pragma once

#include "db/database.h"
#include "security/session_id.h"
#include "util/clock.h"

#include <cstdint>
#include <optional>

namespace hawzu::server {

struct SessionPolicy {
  std::int64_t idle_seconds = 30 * 60;
  std::int64_t absolute_seconds = 12 * 60 * 60;
  // last_seen_at is written at most this often: a request then costs no write, and
  // the idle timeout is still exact to within a minute.
  std::int64_t touch_interval_seconds = 60;
};

// What a stored session's times mean now. Pure; the rule in one place.
enum class SessionState { active, idle_expired, absolute_expired };
SessionState session_state(std::int64_t created_at, std::int64_t last_seen_at, std::int64_t now,
                           const SessionPolicy &policy);

struct StartedSession {
  std::int64_t session_id = 0;
  SecretString cookie_value;  // the only copy of the id, for the Set-Cookie header
};

struct ResumedSession {
  std::int64_t session_id = 0;
  std::int64_t user_id = 0;
};

class SessionService {
 public:
  SessionService(Database &database, const Clock &clock, SessionPolicy policy = {})
      : database_(database), clock_(clock), policy_(policy) {}

  // Creates a session for the user on `connection` (the caller commits).
  StartedSession start(Connection &connection, std::int64_t user_id);

  // The live session with this id hash, or nullopt (unknown or expired; an expired
  // one is deleted). Refreshes last_seen_at when it is older than the touch interval.
  std::optional<ResumedSession> resume(const SessionIdHash &id_hash);

  void end(std::int64_t session_id);

  const SessionPolicy &policy() const { return policy_; }

 private:
  Database &database_;
  const Clock &clock_;
  SessionPolicy policy_;
};

}  // namespace hawzu::server
