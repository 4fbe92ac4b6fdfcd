#include "services/session_service.h"

#include "store/session_store.h"

namespace hawzu::server {

SessionState session_state(std::int64_t created_at, std::int64_t last_seen_at, std::int64_t now,
                           const SessionPolicy &policy) {
  if (now - created_at >= policy.absolute_seconds) return SessionState::absolute_expired;
  if (now - last_seen_at >= policy.idle_seconds) return SessionState::idle_expired;
  return SessionState::active;
}

StartedSession SessionService::start(Connection &connection, std::int64_t user_id) {
  const std::int64_t now = clock_.now();
  SessionStore sessions(connection);
  // Sign-in is rare compared to other requests: a good moment to sweep.
  sessions.remove_expired(now - policy_.idle_seconds, now - policy_.absolute_seconds);
  NewSessionId id = new_session_id();
  const std::int64_t session_id = sessions.insert(id.hash, user_id, now);
  return StartedSession{session_id, std::move(id.cookie_value)};
}

std::optional<ResumedSession> SessionService::resume(const SessionIdHash &id_hash) {
  const std::int64_t now = clock_.now();
  Database::Lease connection = database_.connect();
  SessionStore sessions(*connection);
  std::optional<SessionRecord> record = sessions.find(id_hash);
  if (!record) return std::nullopt;
  if (session_state(record->created_at, record->last_seen_at, now, policy_) !=
      SessionState::active) {
    sessions.remove(record->id);
    return std::nullopt;
  }
  if (now - record->last_seen_at >= policy_.touch_interval_seconds) sessions.touch(record->id, now);
  return ResumedSession{record->id, record->user_id};
}

void SessionService::end(std::int64_t session_id) {
  Database::Lease connection = database_.connect();
  SessionStore(*connection).remove(session_id);
}

}  // namespace hawzu::server
