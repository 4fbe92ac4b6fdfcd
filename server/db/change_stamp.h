// A mark of what has been committed to a database, read without a transaction, so a
// cached verdict can be re-validated for the price of one comparison while nothing has
// changed (auth/verified_token_cache.h). Every backend keeps one promise:
//
//   If two stamps of one database, read at t1 <= t2 (on any servers sharing it), are
//   equal, then no change that moves a token's authority generation, and no deletion of
//   a token, committed between t1 and t2.
//
// A backend may change its stamp more often than that (SQLite's changes on every
// commit); that only costs a re-validation. Database::change_stamp() returns nullopt
// when it cannot tell (no WAL index yet, the database unreachable, a commit being
// written at that instant): the caller then reads the database as if nothing were known.
#pragma once

#include <array>
#include <cstdint>

namespace hawzu::server {

struct ChangeStamp {
  // Backend-specific: SQLite's WAL-index header, PostgreSQL's authority epoch.
  std::array<std::uint32_t, 12> words{};

  friend bool operator==(const ChangeStamp &a, const ChangeStamp &b) { return a.words == b.words; }
  friend bool operator!=(const ChangeStamp &a, const ChangeStamp &b) { return !(a == b); }
};

}  // namespace hawzu::server
