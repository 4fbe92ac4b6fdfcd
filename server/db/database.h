// A thin RAII layer over SQLite: connections, prepared statements, transactions, and a
// pool that gives each request thread a connection of its own.
//
// Threads: a Connection is used by one thread at a time (SQLite is opened with
// SQLITE_OPEN_NOMUTEX). The Database (the pool) is thread-safe: a thread leases a
// connection, uses it, and the lease hands it back. With WAL, readers on different
// connections run concurrently; writers serialize on SQLite's write lock, waited for
// by busy_timeout (5 s) after BEGIN IMMEDIATE.
//
// Errors: an SQLite failure throws DatabaseError (disk full, I/O error, corruption, a
// violated constraint). They are exceptional for a request: the HTTP layer answers 500
// and nothing was committed. A store that expects a particular constraint violation
// (a duplicate name) catches it and turns it into a result; see is_unique_violation().
#pragma once

#include <sqlite3.h>

#include <condition_variable>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace hawzu::server {

class DatabaseError : public std::runtime_error {
 public:
  // The message names the operation and SQLite's text, never bound values.
  DatabaseError(const std::string &message, int extended_code)
      : std::runtime_error(message), extended_code_(extended_code) {}
  int extended_code() const { return extended_code_; }

 private:
  int extended_code_;
};

// True for a UNIQUE (or PRIMARY KEY) constraint violation.
bool is_unique_violation(const DatabaseError &error);

class Connection;

// A prepared statement borrowed from its connection's cache. Destroying it resets the
// statement and clears its bindings, so it can be reused by the next prepare() of the
// same SQL. Parameter and column indexes follow SQLite: parameters from 1, columns from 0.
class Statement {
 public:
  Statement(Statement &&other) noexcept;
  Statement &operator=(Statement &&) = delete;
  Statement(const Statement &) = delete;
  ~Statement();

  Statement &bind(int index, std::int64_t value);
  Statement &bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
  Statement &bind(int index, std::string_view text);
  Statement &bind(int index, const char *text) { return bind(index, std::string_view(text)); }
  Statement &bind(int index, const std::string &text) {
    return bind(index, std::string_view(text));
  }
  Statement &bind(int index, std::optional<std::int64_t> value);
  Statement &bind_blob(int index, const void *data, std::size_t size);
  Statement &bind_null(int index);

  // The index of a named parameter (":name"); throws DatabaseError when the SQL has
  // no such parameter.
  int parameter_index(const char *name) const;

  // Advances to the next row: true when a row is available, false when done.
  bool step();
  // Runs a statement that returns no rows (INSERT, UPDATE, DELETE).
  void run();

  std::int64_t column_int64(int column) const;
  std::optional<std::int64_t> column_optional_int64(int column) const;
  std::string column_text(int column) const;
  std::optional<std::string> column_optional_text(int column) const;
  std::vector<unsigned char> column_blob(int column) const;
  bool column_is_null(int column) const;

 private:
  friend class Connection;
  Statement(Connection &connection, std::string sql, sqlite3_stmt *statement);

  Connection *connection_;
  std::string sql_;
  sqlite3_stmt *statement_;
};

// One open SQLite database handle with the project's pragmas applied.
class Connection {
 public:
  // Opens (creating if needed) the database file. Throws DatabaseError.
  explicit Connection(const std::string &path);
  ~Connection();
  Connection(const Connection &) = delete;
  Connection &operator=(const Connection &) = delete;

  // A statement for `sql`, from the cache when one is free.
  Statement prepare(const std::string &sql);

  // Runs one or more statements that return no rows (schema, pragmas).
  void execute(const std::string &sql);

  // The rowid of the last INSERT on this connection.
  std::int64_t last_insert_id() const;
  // Rows changed by the last INSERT, UPDATE or DELETE.
  int changes() const;

  sqlite3 *handle() const { return db_; }

 private:
  friend class Statement;
  void give_back(std::string sql, sqlite3_stmt *statement);

  sqlite3 *db_ = nullptr;
  // Free prepared statements by SQL text. Preparing is a measurable part of a short
  // query, so statements are kept for the connection's life.
  std::multimap<std::string, sqlite3_stmt *> idle_statements_;
};

// BEGIN IMMEDIATE ... COMMIT. The write lock is taken at the start, so two writers
// never both read and then fail to upgrade; the busy timeout does the waiting.
// Destroyed without commit(): rolls back.
class Transaction {
 public:
  explicit Transaction(Connection &connection);
  ~Transaction();
  Transaction(const Transaction &) = delete;
  Transaction &operator=(const Transaction &) = delete;

  void commit();

 private:
  Connection &connection_;
  bool finished_ = false;
};

// BEGIN (deferred) ... COMMIT for a consistent snapshot across several reads.
class ReadTransaction {
 public:
  explicit ReadTransaction(Connection &connection);
  ~ReadTransaction();
  ReadTransaction(const ReadTransaction &) = delete;
  ReadTransaction &operator=(const ReadTransaction &) = delete;

 private:
  Connection &connection_;
};

// The pool of connections to one database file. Thread-safe.
class Database {
 public:
  // REQUIRES: the file's schema is ready (see migrations.h) before requests use it.
  explicit Database(std::string path) : path_(std::move(path)) {}
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

  Lease connect();
  const std::string &path() const { return path_; }

 private:
  void give_back(std::unique_ptr<Connection> connection);

  std::string path_;
  std::mutex mutex_;
  // Idle connections. The pool grows to the number of threads that use it at once
  // (bounded by the HTTP thread pool) and keeps them open.
  std::vector<std::unique_ptr<Connection>> idle_;
};

}  // namespace hawzu::server
