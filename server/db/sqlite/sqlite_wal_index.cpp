#include "db/sqlite/sqlite_wal_index.h"

#include <sqlite3.h>

namespace hawzu::server {
namespace {

// The WAL index comes in pages of 32 KiB; the header is at the start of the first.
constexpr int kWalIndexPageSize = 32768;
constexpr std::size_t kHeaderWords = 12;  // one copy: 48 bytes
constexpr std::uint32_t kWalIndexVersion = 3007000;

}  // namespace

SqliteWalIndex::SqliteWalIndex(sqlite3 *db) {
  sqlite3_file *file = nullptr;
  if (sqlite3_file_control(db, "main", SQLITE_FCNTL_FILE_POINTER, &file) != SQLITE_OK || !file ||
      !file->pMethods || file->pMethods->iVersion < 2 || !file->pMethods->xShmMap)
    return;
  volatile void *page = nullptr;
  // bExtend = 0: map what exists, never create or grow the index.
  if (file->pMethods->xShmMap(file, 0, kWalIndexPageSize, 0, &page) != SQLITE_OK || !page) return;
  header_ = static_cast<const std::uint32_t *>(const_cast<const void *>(page));
}

std::optional<ChangeStamp> SqliteWalIndex::read() const {
  if (!header_) return std::nullopt;
  // SQLite writes the second copy, then the first; reading the first, then the second,
  // finds them equal only when no write was under way in between.
  ChangeStamp first;
  ChangeStamp second;
  for (std::size_t i = 0; i < kHeaderWords; ++i)
    first.words[i] = __atomic_load_n(header_ + i, __ATOMIC_ACQUIRE);
  for (std::size_t i = 0; i < kHeaderWords; ++i)
    second.words[i] = __atomic_load_n(header_ + kHeaderWords + i, __ATOMIC_ACQUIRE);
  if (first != second) return std::nullopt;
  // iVersion (word 0) and isInit (byte 12): an index not initialized says nothing.
  if (first.words[0] != kWalIndexVersion) return std::nullopt;
  const unsigned char *bytes = reinterpret_cast<const unsigned char *>(first.words.data());
  if (bytes[12] == 0) return std::nullopt;
  return first;
}

}  // namespace hawzu::server
