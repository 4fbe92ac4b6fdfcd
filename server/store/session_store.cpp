#include "store/session_store.h"

namespace hawzu::server {

std::int64_t SessionStore::insert(const SessionIdHash &id_hash, std::int64_t user_id,
                                  std::int64_t now) {
  Statement statement = db_.prepare(
      "INSERT INTO sessions (id_hash, user_id, created_at, last_seen_at) VALUES (?, ?, ?, ?) "
      "RETURNING id");
  statement.bind_blob(1, id_hash.data(), id_hash.size()).bind(2, user_id).bind(3, now).bind(4, now);
  statement.step();
  return statement.column_int64(0);
}

std::optional<SessionRecord> SessionStore::find(const SessionIdHash &id_hash) {
  Statement statement =
      db_.prepare("SELECT id, user_id, created_at, last_seen_at FROM sessions WHERE id_hash = ?");
  statement.bind_blob(1, id_hash.data(), id_hash.size());
  if (!statement.step()) return std::nullopt;
  return SessionRecord{statement.column_int64(0), statement.column_int64(1),
                       statement.column_int64(2), statement.column_int64(3)};
}

void SessionStore::touch(std::int64_t session_id, std::int64_t now) {
  db_.prepare("UPDATE sessions SET last_seen_at = ? WHERE id = ? AND last_seen_at < ?")
      .bind(1, now)
      .bind(2, session_id)
      .bind(3, now)
      .run();
}

void SessionStore::remove(std::int64_t session_id) {
  db_.prepare("DELETE FROM sessions WHERE id = ?").bind(1, session_id).run();
}

int SessionStore::remove_expired(std::int64_t idle_cutoff, std::int64_t absolute_cutoff) {
  db_.prepare("DELETE FROM sessions WHERE last_seen_at < ? OR created_at < ?")
      .bind(1, idle_cutoff)
      .bind(2, absolute_cutoff)
      .run();
  return db_.changes();
}

}  // namespace hawzu::server
