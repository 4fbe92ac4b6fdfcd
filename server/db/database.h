// The store seam: connections, statements, transactions and a connection pool that
// look the same whichever database holds the data. Stores write one SQL text for both
// backends (see "Portable SQL" below); the backends (db/sqlite/, db/postgres/) are the
// only code that includes sqlite3.h or libpq-fe.h.
//
// Threads: a Connection is used by one thread at a time. The Database (the pool) is
// thread-safe: a thread leases a connection, uses it, and the lease hands it back.
//
// Errors: a database failure throws DatabaseError with a kind. `unavailable` (the
// server cannot be reached, a connection broke, SQLite stayed busy past its timeout)
// is answered 503 with Retry-After by the HTTP layer and the broken connection is not
// reused; `unique_violation` is a typed outcome stores may turn into a result (a
// duplicate name); everything else is exceptional and answered 500. Nothing was
// committed in any of these cases.
//
// Portable SQL, the subset both backends run unchanged:
//   - parameters as `?` (numbered in order), `?N`, or `:name`; the PostgreSQL backend
//     rewrites them to `$N` and sends each value with its bound type;
//   - integers (64-bit), text and blobs; times are Unix seconds in integers;
//   - INSERT ... RETURNING id instead of a last-insert-id call;
//   - upserts as ON CONFLICT (columns) [WHERE predicate] DO ...;
//   - case-insensitive matching on stored key columns folded by shared/ (never
//     COLLATE NOCASE, ILIKE or lower() on user text), so both backends fold alike;
//   - a list of ids as one text parameter holding a JSON array, expanded by
//     Connection::id_list_sql().
#pragma once

#include "db/change_stamp.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace hawzu::server {

enum class DatabaseErrorKind {
  other,
  unique_violation,  // a UNIQUE or PRIMARY KEY constraint
  unavailable,       // cannot reach the database, or the connection broke, or busy
};

class DatabaseError : public std::runtime_error {
 public:
  // The message names the operation and the database's text, never bound values.
  DatabaseError(const std::string &message, DatabaseErrorKind kind)
      : std::runtime_error(message), kind_(kind) {}
  DatabaseErrorKind kind() const { return kind_; }

 private:
  DatabaseErrorKind kind_;
};

inline bool is_unique_violation(const DatabaseError &error) {
  return error.kind() == DatabaseErrorKind::unique_violation;
}

// What a backend implements for one prepared statement. Parameter indexes start at 1,
// column indexes at 0.
class StatementBackend {
 public:
  virtual ~StatementBackend() = default;
  virtual void bind_int64(int index, std::int64_t value) = 0;
  virtual void bind_text(int index, std::string_view text) = 0;
  virtual void bind_blob(int index, const void *data, std::size_t size) = 0;
  virtual void bind_null(int index) = 0;
  virtual int parameter_index(const char *name) const = 0;  // 0 when there is none
  virtual bool step() = 0;
  virtual std::int64_t column_int64(int column) const = 0;
  virtual std::string column_text(int column) const = 0;
  virtual std::vector<unsigned char> column_blob(int column) const = 0;
  virtual bool column_is_null(int column) const = 0;
};

// A prepared statement. Destroying it hands it back to its connection for reuse.
class Statement {
 public:
  explicit Statement(std::unique_ptr<StatementBackend> backend) : backend_(std::move(backend)) {}
  Statement(Statement &&) noexcept = default;
  Statement &operator=(Statement &&) = delete;
  Statement(const Statement &) = delete;

  Statement &bind(int index, std::int64_t value) {
    backend_->bind_int64(index, value);
    return *this;
  }
  Statement &bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
  Statement &bind(int index, std::string_view text) {
    backend_->bind_text(index, text);
    return *this;
  }
  Statement &bind(int index, const char *text) { return bind(index, std::string_view(text)); }
  Statement &bind(int index, const std::string &text) {
    return bind(index, std::string_view(text));
  }
  Statement &bind(int index, std::optional<std::int64_t> value) {
    return value ? bind(index, *value) : bind_null(index);
  }
  Statement &bind(int index, const std::optional<std::string> &text) {
    return text ? bind(index, *text) : bind_null(index);
  }
  Statement &bind_blob(int index, const void *data, std::size_t size) {
    backend_->bind_blob(index, data, size);
    return *this;
  }
  Statement &bind_null(int index) {
    backend_->bind_null(index);
    return *this;
  }

  // The index of a named parameter (":name"); throws DatabaseError when the SQL has
  // no such parameter.
  int parameter_index(const char *name) const;

  // Advances to the next row: true when a row is available, false when done.
  bool step() { return backend_->step(); }
  // Runs a statement to its end (INSERT, UPDATE, DELETE without RETURNING).
  void run() {
    while (step()) {
    }
  }

  std::int64_t column_int64(int column) const { return backend_->column_int64(column); }
  std::optional<std::int64_t> column_optional_int64(int column) const {
    if (column_is_null(column)) return std::nullopt;
    return column_int64(column);
  }
  std::string column_text(int column) const { return backend_->column_text(column); }
  std::optional<std::string> column_optional_text(int column) const {
    if (column_is_null(column)) return std::nullopt;
    return column_text(column);
  }
  std::vector<unsigned char> column_blob(int column) const { return backend_->column_blob(column); }
  bool column_is_null(int column) const { return backend_->column_is_null(column); }

 private:
  std::unique_ptr<StatementBackend> backend_;
};

// One open connection to the database.
class Connection {
 public:
  virtual ~Connection() = default;
  Connection() = default;
  Connection(const Connection &) = delete;
  Connection &operator=(const Connection &) = delete;

  // A statement for `sql` (portable SQL, see above), from a cache when one is free.
  virtual Statement prepare(const std::string &sql) = 0;
  // Runs statements that return no rows and take no parameters (schema).
  virtual void execute(const std::string &sql) = 0;
  // Rows changed by the last INSERT, UPDATE or DELETE run on this connection.
  virtual int changes() const = 0;

  // A subquery yielding one integer column `value` from the JSON array of integers
  // bound to the parameter `parameter` (e.g. "?"): "id IN (" + id_list_sql("?") + ")".
  virtual std::string id_list_sql(const std::string &parameter) const = 0;

  // Unit-of-work primitives, used through WriteTransaction and ReadTransaction.
  virtual void begin_write() = 0;
  virtual void begin_read() = 0;
  virtual void commit() = 0;
  virtual void rollback() noexcept = 0;
  // False after the connection broke or was left inside a transaction.
  virtual bool reusable() const = 0;
};

// A write unit of work. Begun, it holds the database's write lock until commit or
// destruction (SQLite: BEGIN IMMEDIATE; PostgreSQL: a transaction-scoped advisory
// lock, see db/postgres/), so a rule checked inside it still holds when it commits.
// Destroyed without commit(): rolls back.
class Transaction {
 public:
  explicit Transaction(Connection &connection) : connection_(connection) {
    connection_.begin_write();
  }
  ~Transaction() {
    if (!finished_) connection_.rollback();
  }
  Transaction(const Transaction &) = delete;
  Transaction &operator=(const Transaction &) = delete;

  void commit() {
    connection_.commit();
    finished_ = true;
  }

 private:
  Connection &connection_;
  bool finished_ = false;
};

// A read unit of work: one consistent snapshot across several reads.
class ReadTransaction {
 public:
  explicit ReadTransaction(Connection &connection) : connection_(connection) {
    connection_.begin_read();
  }
  ~ReadTransaction() { connection_.rollback(); }  // nothing to keep: it only read
  ReadTransaction(const ReadTransaction &) = delete;
  ReadTransaction &operator=(const ReadTransaction &) = delete;

 private:
  Connection &connection_;
};

struct MigrationResult {
  bool ok = false;
  int schema_version = 0;  // after migrating
  std::string error;       // when !ok: one line for the operator
};

// The pool of connections to one database. Thread-safe. A backend supplies how to
// open a connection and how to migrate the schema.
class Database {
 public:
  virtual ~Database() = default;
  Database() = default;
  Database(const Database &) = delete;
  Database &operator=(const Database &) = delete;

  // A connection for the caller's exclusive use until the lease is destroyed.
  class Lease {
   public:
    Lease(Database &database, std::unique_ptr<Connection> connection)
        : database_(&database), connection_(std::move(connection)) {}
    Lease(Lease &&) = default;
    Lease &operator=(Lease &&) = delete;
    ~Lease();
    Connection &operator*() const { return *connection_; }
    Connection *operator->() const { return connection_.get(); }

   private:
    Database *database_;
    std::unique_ptr<Connection> connection_;
  };

  // Throws DatabaseError (kind unavailable) when no connection can be opened.
  Lease connect();

  // Brings the schema to this server's version (and checks the database), once at
  // start-up, before any request. Safe when several servers start at once.
  virtual MigrationResult migrate() = 0;
  // Where the data lives, for log lines (never a password).
  virtual std::string describe() const = 0;
  // "sqlite" or "postgresql".
  virtual const char *backend_name() const = 0;

  // What has committed, read without a transaction (db/change_stamp.h); nullopt when
  // the backend cannot tell now. Thread-safe.
  virtual std::optional<ChangeStamp> change_stamp() { return std::nullopt; }

 protected:
  virtual std::unique_ptr<Connection> open_connection() = 0;

 private:
  void give_back(std::unique_ptr<Connection> connection);

  std::mutex mutex_;
  // Idle connections. The pool grows to the number of threads that use it at once
  // (bounded by the HTTP thread pool) and keeps them open.
  std::vector<std::unique_ptr<Connection>> idle_;
};

}  // namespace hawzu::server
