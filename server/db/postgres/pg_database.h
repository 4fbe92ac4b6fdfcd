// The scale-out backend: PostgreSQL through libpq, for any number of hawzu-server
// processes sharing one database. Only this folder includes libpq-fe.h.
//
// Concurrency (why the "check inside the write transaction" rules hold here too): a
// write unit of work runs at READ COMMITTED and first takes one transaction-scoped
// advisory lock (pg_advisory_xact_lock), the same single writer at a time that SQLite's
// BEGIN IMMEDIATE gives. A check made inside it (a name is free, the caller's role
// allows the grant, the token is not disabled) therefore sees every write committed
// before it, and no other writer can change the answer before it commits. Reads run
// in REPEATABLE READ READ ONLY transactions: one snapshot for several queries. Writes
// outside a unit of work (last_used_at, a session's last_seen_at) are single-row
// updates in autocommit that no rule depends on.
//
// Faults: a connection that breaks (server restart, failover, network) makes the
// statement throw DatabaseError kind unavailable and is never reused; the pool opens a
// new one on the next request. libpq's multi-host URLs with
// target_session_attrs=read-write pick the primary of a primary/standby pair; libpq
// checks that only when it connects, so a connection whose server has since become
// read-only (a write fails with 25006) is unavailable and dropped too, and the next one
// finds the writable host again (tests/http/standby_failover.pg.test.js).
#pragma once

#include "db/coalesced_read.h"
#include "db/database.h"

#include <string>

namespace hawzu::server {

class PostgresDatabase final : public Database {
 public:
  // `url`: a libpq connection URI (postgresql://user@host:port/db?...).
  explicit PostgresDatabase(std::string url);

  // Applies the migrations the database lacks (db/postgres/pg_migrations.h), under a
  // session advisory lock so two servers starting at once migrate once.
  MigrationResult migrate() override;
  // The URL without any password.
  std::string describe() const override;
  const char *backend_name() const override { return "postgresql"; }

  // The authority epoch (migration 7), read by one query for all the callers that
  // arrive while it runs (db/coalesced_read.h).
  std::optional<ChangeStamp> change_stamp() override { return epoch_.get(); }

 protected:
  std::unique_ptr<Connection> open_connection() override;

 private:
  std::optional<ChangeStamp> read_authority_epoch();

  std::string url_;
  CoalescedRead epoch_;
};

// True for a string that names a PostgreSQL database (postgresql:// or postgres://).
bool is_postgres_url(const std::string &text);

}  // namespace hawzu::server
