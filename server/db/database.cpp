#include "db/database.h"

namespace hawzu::server {

int Statement::parameter_index(const char *name) const {
  int index = backend_->parameter_index(name);
  if (index == 0)
    throw DatabaseError("no parameter " + std::string(name) + " in the statement",
                        DatabaseErrorKind::other);
  return index;
}

<<<<<<< HEAD
=======
bool Statement::step() {
  int rc = sqlite3_step(statement_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  throw_error(connection_->handle(), describe(sql_));
}

void Statement::run() {
  while (step()) {
  }
}

std::int64_t Statement::column_int64(int column) const {
  return sqlite3_column_int64(statement_, column);
}

std::optional<std::int64_t> Statement::column_optional_int64(int column) const {
  if (column_is_null(column)) return std::nullopt;
  return column_int64(column);
}

std::string Statement::column_text(int column) const {
  const unsigned char *text = sqlite3_column_text(statement_, column);
  int size = sqlite3_column_bytes(statement_, column);
  return text ? std::string(reinterpret_cast<const char *>(text), static_cast<std::size_t>(size))
              : std::string();
}

std::optional<std::string> Statement::column_optional_text(int column) const {
  if (column_is_null(column)) return std::nullopt;
  return column_text(column);
}

std::vector<unsigned char> Statement::column_blob(int column) const {
  const void *data = sqlite3_column_blob(statement_, column);
  int size = sqlite3_column_bytes(statement_, column);
  const auto *bytes = static_cast<const unsigned char *>(data);
  return data ? std::vector<unsigned char>(bytes, bytes + size) : std::vector<unsigned char>();
}

bool Statement::column_is_null(int column) const {
  return sqlite3_column_type(statement_, column) == SQLITE_NULL;
}

// ---------------------------------------------------------------------------
// Connection

Connection::Connection(const std::string &path) {
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
    std::string message = "open " + path + ": " + (db_ ? sqlite3_errmsg(db_) : "out of memory");
    sqlite3_close_v2(db_);
    db_ = nullptr;
    throw DatabaseError(message, SQLITE_CANTOPEN);
  }
  sqlite3_extended_result_codes(db_, 1);
  sqlite3_busy_timeout(db_, 5000);
  // synchronous=FULL: a committed revocation must survive a power loss (docs/security.md#sqlite).
  // foreign_keys is per connection and off by default. trusted_schema=OFF: the schema
  // cannot call functions with side effects, whatever a tampered file says.
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

Connection::~Connection() {
  for (auto &entry : idle_statements_) sqlite3_finalize(entry.second);
  sqlite3_close_v2(db_);
}

Statement Connection::prepare(const std::string &sql) {
  auto it = idle_statements_.find(sql);
  if (it != idle_statements_.end()) {
    sqlite3_stmt *statement = it->second;
    idle_statements_.erase(it);
    return Statement(*this, sql, statement);
  }
  sqlite3_stmt *statement = nullptr;
  if (sqlite3_prepare_v3(db_, sql.c_str(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                         &statement, nullptr) != SQLITE_OK)
    throw_error(db_, "prepare " + describe(sql));
  return Statement(*this, sql, statement);
}

void Connection::give_back(std::string sql, sqlite3_stmt *statement) {
  idle_statements_.emplace(std::move(sql), statement);
}

void Connection::execute(const std::string &sql) {
  char *message = nullptr;
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    std::string text = message ? message : "unknown error";
    sqlite3_free(message);
    throw DatabaseError(describe(sql) + ": " + text, sqlite3_extended_errcode(db_));
  }
}

std::int64_t Connection::last_insert_id() const {
  return sqlite3_last_insert_rowid(db_);
}

int Connection::changes() const {
  return sqlite3_changes(db_);
}

// ---------------------------------------------------------------------------
// Transactions

Transaction::Transaction(Connection &connection) : connection_(connection) {
  connection_.execute("BEGIN IMMEDIATE");
}

Transaction::~Transaction() {
  if (finished_) return;
  // A failed ROLLBACK (no transaction active after an automatic rollback) is harmless.
  sqlite3_exec(connection_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit() {
  connection_.execute("COMMIT");
  finished_ = true;
}

ReadTransaction::ReadTransaction(Connection &connection) : connection_(connection) {
  connection_.execute("BEGIN");
}

ReadTransaction::~ReadTransaction() {
  sqlite3_exec(connection_.handle(), "COMMIT", nullptr, nullptr, nullptr);
}

// ---------------------------------------------------------------------------
// Database (the pool)

>>>>>>> docs
Database::Lease::~Lease() {
  if (database_ && connection_) database_->give_back(std::move(connection_));
}

Database::Lease Database::connect() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!idle_.empty()) {
      std::unique_ptr<Connection> connection = std::move(idle_.back());
      idle_.pop_back();
      return Lease(*this, std::move(connection));
    }
  }
  // Opening happens outside the lock: it touches the file system or the network.
  return Lease(*this, open_connection());
}

void Database::give_back(std::unique_ptr<Connection> connection) {
  // A broken connection, or one left inside a transaction, is closed instead of reused;
  // the next connect() opens a fresh one.
  if (!connection->reusable()) return;
  std::lock_guard<std::mutex> lock(mutex_);
  idle_.push_back(std::move(connection));
}

}  // namespace hawzu::server
