#include "db/sqlite/sqlite_database.h"

#include "db/sqlite/sqlite_migrations.h"

#include <sqlite3.h>

#include <unordered_map>
#include <vector>

namespace hawzu::server {
namespace {

// SQLite's extended result code as the seam's error kind.
DatabaseErrorKind sqlite_error_kind(int extended_code) {
  if (extended_code == SQLITE_CONSTRAINT_UNIQUE || extended_code == SQLITE_CONSTRAINT_PRIMARYKEY)
    return DatabaseErrorKind::unique_violation;
  const int primary = extended_code & 0xff;
  // Still locked after busy_timeout: another writer holds the file; try again later.
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) return DatabaseErrorKind::unavailable;
  return DatabaseErrorKind::other;
}

[[noreturn]] void throw_sqlite_error(sqlite3 *db, const std::string &what) {
  int code = db ? sqlite3_extended_errcode(db) : SQLITE_ERROR;
  std::string message = what + ": " + (db ? sqlite3_errmsg(db) : "no database handle");
  throw DatabaseError(message, sqlite_error_kind(code));
}

// The first words of a statement, enough to say which one failed without any value.
std::string sqlite_statement_head(const std::string &sql) {
  std::string head = sql.substr(0, 60);
  for (char &c : head)
    if (c == '\n') c = ' ';
  return head;
}

class SqliteConnection;

// A connection's prepared statements of one SQL text that are not in use. The cache
// (SqliteConnection::statements_) is node-based and never shrinks, so a statement in
// use refers to its entry, and its SQL text, without copying either.
using StatementCacheEntry = std::pair<const std::string, std::vector<sqlite3_stmt *>>;

class SqliteStatement final : public StatementBackend {
 public:
  SqliteStatement(SqliteConnection &connection, StatementCacheEntry &entry, sqlite3_stmt *statement)
      : connection_(connection), entry_(entry), statement_(statement) {}
  ~SqliteStatement() override;

  void bind_int64(int index, std::int64_t value) override {
    check(sqlite3_bind_int64(statement_, index, value));
  }
  void bind_text(int index, std::string_view text) override {
    check(sqlite3_bind_text64(statement_, index, text.data(), text.size(), SQLITE_TRANSIENT,
                              SQLITE_UTF8));
  }
  void bind_blob(int index, const void *data, std::size_t size) override {
    check(sqlite3_bind_blob64(statement_, index, data, size, SQLITE_TRANSIENT));
  }
  void bind_null(int index) override { check(sqlite3_bind_null(statement_, index)); }
  int parameter_index(const char *name) const override {
    return sqlite3_bind_parameter_index(statement_, name);
  }
  bool step() override;
  std::int64_t column_int64(int column) const override {
    return sqlite3_column_int64(statement_, column);
  }
  std::string column_text(int column) const override {
    const unsigned char *text = sqlite3_column_text(statement_, column);
    int size = sqlite3_column_bytes(statement_, column);
    return text ? std::string(reinterpret_cast<const char *>(text), static_cast<std::size_t>(size))
                : std::string();
  }
  std::vector<unsigned char> column_blob(int column) const override {
    const void *data = sqlite3_column_blob(statement_, column);
    int size = sqlite3_column_bytes(statement_, column);
    const auto *bytes = static_cast<const unsigned char *>(data);
    return data ? std::vector<unsigned char>(bytes, bytes + size) : std::vector<unsigned char>();
  }
  bool column_is_null(int column) const override {
    return sqlite3_column_type(statement_, column) == SQLITE_NULL;
  }

 private:
  void check(int rc);

  SqliteConnection &connection_;
  StatementCacheEntry &entry_;  // where the statement goes back to, and its SQL text
  sqlite3_stmt *statement_;
};

class SqliteConnection final : public Connection {
 public:
  explicit SqliteConnection(const std::string &path);
  ~SqliteConnection() override {
    // Every Statement is gone by now (they are used within a lease of this connection).
    for (auto &entry : statements_)
      for (sqlite3_stmt *statement : entry.second) sqlite3_finalize(statement);
    sqlite3_close_v2(db_);
  }

  Statement prepare(const std::string &sql) override {
    StatementCacheEntry &entry = *statements_.try_emplace(sql).first;
    if (!entry.second.empty()) {
      sqlite3_stmt *statement = entry.second.back();
      entry.second.pop_back();
      return Statement(std::make_unique<SqliteStatement>(*this, entry, statement));
    }
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v3(db_, sql.c_str(), static_cast<int>(sql.size()),
                           SQLITE_PREPARE_PERSISTENT, &statement, nullptr) != SQLITE_OK)
      throw_sqlite_error(db_, "prepare " + sqlite_statement_head(sql));
    return Statement(std::make_unique<SqliteStatement>(*this, entry, statement));
  }

  void execute(const std::string &sql) override {
    char *message = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
      std::string text = message ? message : "unknown error";
      sqlite3_free(message);
      throw DatabaseError(sqlite_statement_head(sql) + ": " + text,
                          sqlite_error_kind(sqlite3_extended_errcode(db_)));
    }
  }

  int changes() const override { return sqlite3_changes(db_); }

  std::string id_list_sql(const std::string &parameter) const override {
    return "SELECT value FROM json_each(" + parameter + ")";
  }

  // BEGIN IMMEDIATE takes the write lock at the start, so two writers never both read
  // and then fail to upgrade; the busy timeout does the waiting. These four run from
  // the statement cache like any other statement: parsing them each time
  // (sqlite3_exec) was a measurable part of a short read unit of work.
  void begin_write() override { run_cached(begin_immediate_sql()); }
  void begin_read() override { run_cached(begin_sql()); }
  void commit() override { run_cached(commit_sql()); }
  void rollback() noexcept override {
    // A failed ROLLBACK (no transaction active after an automatic rollback) is harmless.
    try {
      run_cached(rollback_sql());
    } catch (...) {
    }
  }
  bool reusable() const override { return sqlite3_get_autocommit(db_) != 0; }

  sqlite3 *handle() const { return db_; }

 private:
  static const std::string &begin_immediate_sql() {
    static const std::string sql = "BEGIN IMMEDIATE";
    return sql;
  }
  static const std::string &begin_sql() {
    static const std::string sql = "BEGIN";
    return sql;
  }
  static const std::string &commit_sql() {
    static const std::string sql = "COMMIT";
    return sql;
  }
  static const std::string &rollback_sql() {
    static const std::string sql = "ROLLBACK";
    return sql;
  }
  void run_cached(const std::string &sql) { prepare(sql).run(); }

  sqlite3 *db_ = nullptr;
  // Prepared statements not in use, by SQL text. Preparing is a measurable part of a
  // short query, so statements are kept (reset, bindings cleared) for the connection's
  // life and finalized when it closes. Entries are never erased (see SqliteStatement).
  std::unordered_map<std::string, std::vector<sqlite3_stmt *>> statements_;
};

SqliteConnection::SqliteConnection(const std::string &path) {
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
    std::string message = "open " + path + ": " + (db_ ? sqlite3_errmsg(db_) : "out of memory");
    sqlite3_close_v2(db_);
    db_ = nullptr;
    throw DatabaseError(message, DatabaseErrorKind::other);
  }
  sqlite3_extended_result_codes(db_, 1);
  sqlite3_busy_timeout(db_, 5000);
  // synchronous=FULL: a committed revocation must survive a power loss
  // (docs/security.md). foreign_keys is per connection and off by default.
  // trusted_schema=OFF: the schema cannot call functions with side effects, whatever a
  // tampered file says.
  try {
    execute(
        "PRAGMA foreign_keys = ON;"
        "PRAGMA synchronous = FULL;"
        "PRAGMA trusted_schema = OFF;"
        "PRAGMA temp_store = MEMORY;");
  } catch (...) {
    // A file that is not a database opens fine and fails here; the destructor does
    // not run for a throwing constructor, so the handle must be closed now.
    sqlite3_close_v2(db_);
    db_ = nullptr;
    throw;
  }
}

SqliteStatement::~SqliteStatement() {
  sqlite3_reset(statement_);
  sqlite3_clear_bindings(statement_);
  entry_.second.push_back(statement_);
}

void SqliteStatement::check(int rc) {
  if (rc != SQLITE_OK)
    throw_sqlite_error(connection_.handle(), "bind " + sqlite_statement_head(entry_.first));
}

bool SqliteStatement::step() {
  int rc = sqlite3_step(statement_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  throw_sqlite_error(connection_.handle(), sqlite_statement_head(entry_.first));
}

}  // namespace

std::unique_ptr<Connection> SqliteDatabase::open_connection() {
  // Memory statistics (on by default) take a global mutex on every allocation SQLite
  // makes, a measurable part of a short query; nothing here reads them. The setting
  // must precede SQLite's initialization, so it is made once before the first open
  // (when SQLite is already initialized the call fails harmlessly).
  static const int memstatus_off = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  (void)memstatus_off;
  return std::make_unique<SqliteConnection>(path_);
}

MigrationResult SqliteDatabase::migrate() {
  MigrationResult result;
  {
    Lease connection = connect();
    result = migrate_sqlite_database(*connection);
  }
  if (!result.ok || wal_index_) return result;
  std::unique_ptr<Connection> connection = open_connection();
  auto &sqlite = static_cast<SqliteConnection &>(*connection);
  // One read opens the WAL index; in any other journal mode there is none to map.
  Statement mode = sqlite.prepare("PRAGMA journal_mode");
  if (!mode.step() || mode.column_text(0) != "wal") return result;
  mode.run();
  sqlite.prepare("SELECT count(*) FROM sqlite_schema").run();
  auto index = std::make_unique<SqliteWalIndex>(sqlite.handle());
  if (!index->mapped()) return result;
  wal_index_connection_ = std::move(connection);
  wal_index_ = std::move(index);
  return result;
}

std::optional<ChangeStamp> SqliteDatabase::change_stamp() {
  return wal_index_ ? wal_index_->read() : std::nullopt;
}

}  // namespace hawzu::server
