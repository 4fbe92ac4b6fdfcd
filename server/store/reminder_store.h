// The access_token_reminders table: which expiry reminders were already announced, one
// row per token, reminder ("expiring:7", "expired") and the expiry instant it was about
// (a new expiry re-arms every reminder). SQL only.
#pragma once

#include "db/database.h"

#include <cstdint>
#include <string>

namespace hawzu::server {

class ReminderStore {
 public:
  explicit ReminderStore(Connection &connection) : db_(connection) {}

  // Records the reminder; true when it is new (announce it), false when it was sent.
  bool mark_sent(std::int64_t token_id, const std::string &reminder, std::int64_t expires_at,
                 std::int64_t now);

 private:
  Connection &db_;
};

}  // namespace hawzu::server
