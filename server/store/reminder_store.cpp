#include "store/reminder_store.h"

namespace hawzu::server {

bool ReminderStore::mark_sent(std::int64_t token_id, const std::string &reminder,
                              std::int64_t expires_at, std::int64_t now) {
  db_.prepare(
         "INSERT INTO access_token_reminders (token_id, reminder, expires_at, sent_at) "
         "VALUES (?, ?, ?, ?) ON CONFLICT (token_id, reminder, expires_at) DO NOTHING")
      .bind(1, token_id)
      .bind(2, reminder)
      .bind(3, expires_at)
      .bind(4, now)
      .run();
  return db_.changes() == 1;
}

}  // namespace hawzu::server
