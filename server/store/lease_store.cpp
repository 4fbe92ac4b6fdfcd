#include "store/lease_store.h"

namespace hawzu::server {

bool LeaseStore::acquire(const std::string &name, const std::string &holder, std::int64_t now,
                         std::int64_t expires_at) {
  // One statement: the row is taken only if it is ours or has expired, so two servers
  // racing for a free lease cannot both win (the write lock orders them).
  db_.prepare(
         "INSERT INTO leases (name, holder, expires_at) VALUES (?1, ?2, ?3) "
         "ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, "
         "expires_at = excluded.expires_at "
         "WHERE leases.holder = excluded.holder OR leases.expires_at < ?4")
      .bind(1, name)
      .bind(2, holder)
      .bind(3, expires_at)
      .bind(4, now)
      .run();
  return db_.changes() == 1;
}

void LeaseStore::release(const std::string &name, const std::string &holder) {
  db_.prepare("DELETE FROM leases WHERE name = ? AND holder = ?")
      .bind(1, name)
      .bind(2, holder)
      .run();
}

}  // namespace hawzu::server
