#include "db/database.h"

#include <cstring>

namespace hawzu::server {
namespace {

[[noreturn]] void throw_error(sqlite3 *db, const std::string &what) {
  int code = db ? sqlite3_extended_errcode(db) : SQLITE_ERROR;
  std::string message = what + ": " + (db ? sqlite3_errmsg(db) : "no database handle");
  throw DatabaseError(message, code);
}

// The first words of a statement, enough to say which one failed without any value.
std::string describe(const std::string &sql) {
  std::string head = sql.substr(0, 60);
  for (char &c : head)
    if (c == '\n') c = ' ';
  return head;
}

}  // namespace

bool is_unique_violation(const DatabaseError &error) {
  return error.extended_code() == SQLITE_CONSTRAINT_UNIQUE ||
         error.extended_code() == SQLITE_CONSTRAINT_PRIMARYKEY;
}

// ---------------------------------------------------------------------------
// Statement

Statement::Statement(Connection &connection, std::string sql, sqlite3_stmt *statement)
    : connection_(&connection), sql_(std::move(sql)), statement_(statement) {}

Statement::Statement(Statement &&other) noexcept
    : connection_(other.connection_), sql_(std::move(other.sql_)), statement_(other.statement_) {
  other.statement_ = nullptr;
}

Statement::~Statement() {
  if (!statement_) return;
  sqlite3_reset(statement_);
  sqlite3_clear_bindings(statement_);
  connection_->give_back(std::move(sql_), statement_);
}

Statement &Statement::bind(int index, std::int64_t value) {
  if (sqlite3_bind_int64(statement_, index, value) != SQLITE_OK)
    throw_error(connection_->handle(), "bind " + describe(sql_));
  return *this;
}

Statement &Statement::bind(int index, std::string_view text) {
  if (sqlite3_bind_text64(statement_, index, text.data(), text.size(), SQLITE_TRANSIENT,
                          SQLITE_UTF8) != SQLITE_OK)
    throw_error(connection_->handle(), "bind " + describe(sql_));
  return *this;
}

Statement &Statement::bind(int index, std::optional<std::int64_t> value) {
  return value ? bind(index, *value) : bind_null(index);
}

Statement &Statement::bind_blob(int index, const void *data, std::size_t size) {
  if (sqlite3_bind_blob64(statement_, index, data, size, SQLITE_TRANSIENT) != SQLITE_OK)
    throw_error(connection_->handle(), "bind " + describe(sql_));
  return *this;
}

Statement &Statement::bind_null(int index) {
  if (sqlite3_bind_null(statement_, index) != SQLITE_OK)
    throw_error(connection_->handle(), "bind " + describe(sql_));
  return *this;
}

int Statement::parameter_index(const char *name) const {
  int index = sqlite3_bind_parameter_index(statement_, name);
  if (index == 0)
    throw DatabaseError("no parameter " + std::string(name) + " in " + describe(sql_),
                        SQLITE_RANGE);
  return index;
}

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
  // Opening happens outside the lock: it touches the file system.
  return Lease(*this, std::make_unique<Connection>(path_));
}

void Database::give_back(std::unique_ptr<Connection> connection) {
  // A connection left inside a transaction (an exception between BEGIN and the
  // Transaction's destructor cannot do that, but be sure) is not reused.
  if (!sqlite3_get_autocommit(connection->handle())) return;
  std::lock_guard<std::mutex> lock(mutex_);
  idle_.push_back(std::move(connection));
}

}  // namespace hawzu::server
