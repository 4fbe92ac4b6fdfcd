// SQLite's change stamp (db/change_stamp.h): the header of the WAL index, the shared
// memory (the "-shm" file) through which every process using the database in WAL mode
// learns what has been committed. Every commit rewrites it (its change counter, last
// frame and checksums move on; a restarted WAL gets new salts), inside the commit,
// before COMMIT returns; so a header equal to an earlier one means nothing committed in
// between, whichever process wrote. Reading it takes no lock: SQLite itself writes the
// header twice (second copy first) and a reader that finds the two copies different
// has met a commit being written; that read says "cannot tell".
//
// The mapping is SQLite's own (the VFS's xShmMap on an open connection's file, the call
// SQLite's WAL code makes), so no second descriptor is opened on the -shm file (closing
// one would drop the process's POSIX locks on it). The layout is SQLite's documented
// WAL-index format (https://www.sqlite.org/walformat.html), stable since 3.7.0.
#pragma once

#include "db/change_stamp.h"

#include <cstdint>
#include <optional>

struct sqlite3;

namespace hawzu::server {

class SqliteWalIndex {
 public:
  // Maps the WAL index of `db`'s main database. `db` must be in WAL mode and have read
  // the database once (which opens the WAL index), and must stay open as long as this
  // object is used. When that cannot be done, every read() says "cannot tell".
  explicit SqliteWalIndex(sqlite3 *db);

  bool mapped() const { return header_ != nullptr; }

  // The header as it is now; nullopt while a commit writes it, or when not mapped.
  std::optional<ChangeStamp> read() const;

 private:
  const std::uint32_t *header_ = nullptr;  // the two copies of the header, 2 x 48 bytes
};

}  // namespace hawzu::server
