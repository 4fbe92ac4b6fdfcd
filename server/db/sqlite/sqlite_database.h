// The embedded backend: one SQLite file in the data directory, in WAL mode, so readers
// on different connections run concurrently and writers serialize on SQLite's write
// lock (BEGIN IMMEDIATE, waited for by busy_timeout). Only this folder includes
// sqlite3.h.
#pragma once

#include "db/database.h"
#include "db/sqlite/sqlite_wal_index.h"

#include <memory>
#include <string>

namespace hawzu::server {

class SqliteDatabase final : public Database {
 public:
  // Opens nothing yet: migrate() and connect() open `path`, creating the file when it
  // is absent (app_setup.cpp sets the mode of the data directory it lies in).
  explicit SqliteDatabase(std::string path) : path_(std::move(path)) {}

  // Sets WAL mode, checks the file (PRAGMA quick_check) and applies the migrations the
  // file lacks (db/sqlite/sqlite_migrations.h); then maps the WAL index for
  // change_stamp().
  MigrationResult migrate() override;
  std::string describe() const override { return path_; }
  const char *backend_name() const override { return "sqlite"; }
  const std::string &path() const { return path_; }

  // The WAL-index header (db/sqlite/sqlite_wal_index.h), after migrate().
  std::optional<ChangeStamp> change_stamp() override;

 protected:
  std::unique_ptr<Connection> open_connection() override;

 private:
  std::string path_;
  // A connection kept open only so that its mapping of the WAL index stays valid for
  // as long as this database is used; and that mapping, declared after it so that it
  // goes first. Set once, by migrate(), before any request.
  std::unique_ptr<Connection> wal_index_connection_;
  std::unique_ptr<SqliteWalIndex> wal_index_;
};

}  // namespace hawzu::server
