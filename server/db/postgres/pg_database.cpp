#include "db/postgres/pg_database.h"

#include "db/postgres/pg_migrations.h"

#include <libpq-fe.h>

#include <cassert>
#include <cstdlib>
#include <cstring>
#include <map>
#include <unordered_map>

namespace hawzu::server {
namespace {

// Type OIDs of the values the seam binds (pg_type.h).
constexpr Oid kInt8Oid = 20;
constexpr Oid kTextOid = 25;
constexpr Oid kByteaOid = 17;

// The one advisory lock every write unit of work takes (see pg_database.h), and the
// one that serializes migrations (pg_migrations.h). Arbitrary constants ("hawz", "hmig").
constexpr long long kWriteLockKey = 0x6861777a;
constexpr long long kMigrationLockKey = kPostgresMigrationLockKey;

// SQLSTATE classes that mean "try again later": connection exceptions (08), operator
// intervention such as a shutdown or a server still starting (57P), a lock wait that
// ran out (55P03), serialization failures and deadlocks (40001, 40P01). A read-only
// server (25006) is one too, outside a READ ONLY transaction (PostgresConnection::check).
bool is_unavailable_state(const char *state) {
  if (!state) return false;
  return std::strncmp(state, "08", 2) == 0 || std::strncmp(state, "57P", 3) == 0 ||
         std::strcmp(state, "55P03") == 0 || std::strcmp(state, "40001") == 0 ||
         std::strcmp(state, "40P01") == 0;
}

std::string pg_statement_head(const std::string &sql) {
  std::string head = sql.substr(0, 60);
  for (char &c : head)
    if (c == '\n') c = ' ';
  return head;
}

// The first line of libpq's message (it may add a second with a hint or position).
std::string pg_first_line(const char *message) {
  std::string text = message ? message : "unknown error";
  std::size_t end = text.find('\n');
  return end == std::string::npos ? text : text.substr(0, end);
}

// SQL with SQLite-style parameters (?, ?N, :name) rewritten to $N, and the names'
// indexes. Quoted strings, quoted identifiers and comments are copied unchanged; `::`
// is a cast, not a parameter.
struct RewrittenSql {
  std::string text;
  int parameter_count = 0;
  std::map<std::string, int> named;  // ":name" -> index
};

bool pg_is_name_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

RewrittenSql rewrite_parameters(const std::string &sql) {
  RewrittenSql out;
  const std::size_t n = sql.size();
  for (std::size_t i = 0; i < n;) {
    const char c = sql[i];
    if (c == '\'' || c == '"') {  // a literal or a quoted identifier, '' doubling
      std::size_t end = i + 1;
      while (end < n && sql[end] != c) ++end;
      out.text.append(sql, i, end + 1 - i);
      i = end + 1;
    } else if (c == '-' && i + 1 < n && sql[i + 1] == '-') {
      std::size_t end = sql.find('\n', i);
      if (end == std::string::npos) end = n;
      out.text.append(sql, i, end - i);
      i = end;
    } else if (c == '?') {
      std::size_t end = i + 1;
      while (end < n && std::isdigit(static_cast<unsigned char>(sql[end]))) ++end;
      int index = end > i + 1 ? std::atoi(sql.c_str() + i + 1) : out.parameter_count + 1;
      if (index > out.parameter_count) out.parameter_count = index;
      out.text += "$" + std::to_string(index);
      i = end;
    } else if (c == ':' && i + 1 < n && sql[i + 1] == ':') {
      out.text += "::";
      i += 2;
    } else if (c == ':' && i + 1 < n && pg_is_name_char(sql[i + 1]) &&
               !std::isdigit(static_cast<unsigned char>(sql[i + 1]))) {
      std::size_t end = i + 1;
      while (end < n && pg_is_name_char(sql[end])) ++end;
      std::string name = sql.substr(i, end - i);
      auto found = out.named.find(name);
      int index = found != out.named.end() ? found->second : ++out.parameter_count;
      out.named.emplace(name, index);
      out.text += "$" + std::to_string(index);
      i = end;
    } else {
      out.text.push_back(c);
      ++i;
    }
  }
  return out;
}

int pg_hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return 0;
}

class PostgresConnection;

class PostgresStatement final : public StatementBackend {
 public:
  PostgresStatement(PostgresConnection &connection, const RewrittenSql &sql,
                    const std::string &original)
      : connection_(connection),
        sql_(sql),
        original_(original),
        values_(static_cast<std::size_t>(sql.parameter_count)),
        types_(static_cast<std::size_t>(sql.parameter_count), 0),
        is_null_(static_cast<std::size_t>(sql.parameter_count), true),
        formats_(static_cast<std::size_t>(sql.parameter_count), 0) {}
  ~PostgresStatement() override {
    if (result_) PQclear(result_);
  }

  void bind_int64(int index, std::int64_t value) override {
    set(index, std::to_string(value), kInt8Oid, 0);
  }
  void bind_text(int index, std::string_view text) override {
    set(index, std::string(text), kTextOid, 0);
  }
  void bind_blob(int index, const void *data, std::size_t size) override {
    set(index, std::string(static_cast<const char *>(data), size), kByteaOid, 1);
  }
  void bind_null(int index) override {
    slot(index);
    is_null_[static_cast<std::size_t>(index - 1)] = true;
    types_[static_cast<std::size_t>(index - 1)] = 0;
  }
  int parameter_index(const char *name) const override {
    auto found = sql_.named.find(name);
    return found == sql_.named.end() ? 0 : found->second;
  }
  bool step() override;
  std::int64_t column_int64(int column) const override {
    const char *text = value(column);
    if (text[0] == 't' && text[1] == '\0') return 1;  // a boolean (EXISTS, comparisons)
    if (text[0] == 'f' && text[1] == '\0') return 0;
    return std::strtoll(text, nullptr, 10);
  }
  std::string column_text(int column) const override {
    if (PQftype(result_, column) == kByteaOid) {
      std::vector<unsigned char> bytes = column_blob(column);
      return std::string(bytes.begin(), bytes.end());
    }
    return std::string(value(column), static_cast<std::size_t>(PQgetlength(result_, row_, column)));
  }
  std::vector<unsigned char> column_blob(int column) const override {
    // Text-format bytea is "\x" and two hex digits a byte.
    const char *text = value(column);
    std::vector<unsigned char> bytes;
    if (text[0] != '\\' || text[1] != 'x') return bytes;
    for (const char *p = text + 2; p[0] && p[1]; p += 2)
      bytes.push_back(static_cast<unsigned char>(pg_hex_value(p[0]) * 16 + pg_hex_value(p[1])));
    return bytes;
  }
  bool column_is_null(int column) const override { return PQgetisnull(result_, row_, column) != 0; }

 private:
  void slot(int index) const {
    if (index < 1 || index > sql_.parameter_count)
      throw DatabaseError(
          "bind: no parameter " + std::to_string(index) + " in " + pg_statement_head(original_),
          DatabaseErrorKind::other);
  }
  void set(int index, std::string value, Oid type, int format) {
    slot(index);
    const auto at = static_cast<std::size_t>(index - 1);
    values_[at] = std::move(value);
    types_[at] = type;
    is_null_[at] = false;
    formats_[at] = format;
  }
  const char *value(int column) const { return PQgetvalue(result_, row_, column); }

  PostgresConnection &connection_;
  const RewrittenSql &sql_;
  const std::string &original_;
  std::vector<std::string> values_;
  std::vector<Oid> types_;
  std::vector<bool> is_null_;
  std::vector<int> formats_;
  PGresult *result_ = nullptr;
  int row_ = -1;
  bool executed_ = false;
};

class PostgresConnection final : public Connection {
 public:
  explicit PostgresConnection(PGconn *conn) : conn_(conn) {}
  ~PostgresConnection() override { PQfinish(conn_); }

  Statement prepare(const std::string &sql) override {
    auto found = rewritten_.find(sql);
    if (found == rewritten_.end()) found = rewritten_.emplace(sql, rewrite_parameters(sql)).first;
    return Statement(std::make_unique<PostgresStatement>(*this, found->second, found->first));
  }

  void execute(const std::string &sql) override {
    PGresult *result = PQexec(conn_, sql.c_str());
    check(result, sql);
    PQclear(result);
  }

  int changes() const override { return changes_; }

  std::string id_list_sql(const std::string &parameter) const override {
    return "SELECT CAST(jsonb_array_elements_text(CAST(" + parameter +
           " AS jsonb)) AS BIGINT) AS value";
  }

  void begin_write() override {
    execute("BEGIN ISOLATION LEVEL READ COMMITTED; SELECT pg_advisory_xact_lock(" +
            std::to_string(kWriteLockKey) + ")");
  }
  void begin_read() override {
    execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    read_only_transaction_ = true;
  }
  void commit() override {
    read_only_transaction_ = false;
    execute("COMMIT");
  }
  void rollback() noexcept override {
    read_only_transaction_ = false;
    if (broken_ || PQtransactionStatus(conn_) == PQTRANS_IDLE) return;
    PQclear(PQexec(conn_, "ROLLBACK"));
  }
  bool reusable() const override {
    return !broken_ && PQstatus(conn_) == CONNECTION_OK &&
           PQtransactionStatus(conn_) == PQTRANS_IDLE;
  }

  // Runs a statement prepared once per connection and set of parameter types.
  PGresult *run(const std::string &sql, const std::string &original, int count,
                const std::vector<Oid> &types, const char *const *values, const int *lengths,
                const int *formats) {
    std::string key = sql;
    key.push_back('\0');
    for (Oid type : types) key += std::to_string(type) + ",";
    auto found = prepared_.find(key);
    if (found == prepared_.end()) {
      std::string name = "s" + std::to_string(prepared_.size() + 1);
      PGresult *prepared = PQprepare(conn_, name.c_str(), sql.c_str(), count, types.data());
      check(prepared, original);
      PQclear(prepared);
      found = prepared_.emplace(std::move(key), std::move(name)).first;
    }
    PGresult *result =
        PQexecPrepared(conn_, found->second.c_str(), count, values, lengths, formats, 0);
    check(result, original);
    const char *tuples = PQcmdTuples(result);
    changes_ = tuples && *tuples ? std::atoi(tuples) : 0;
    return result;
  }

 private:
  // Throws (and frees `result`) unless it is a success.
  void check(PGresult *result, const std::string &sql) {
    ExecStatusType status = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return;
    const char *state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    std::string message =
        pg_statement_head(sql) + ": " +
        pg_first_line(result ? PQresultErrorMessage(result) : PQerrorMessage(conn_));
    DatabaseErrorKind kind = DatabaseErrorKind::other;
    if (state && std::strcmp(state, "23505") == 0) kind = DatabaseErrorKind::unique_violation;
    // 25006 (read_only_sql_transaction) inside our own READ ONLY transaction is a write
    // in a read unit of work: a bug, answered 500 like any other.
    const bool read_only_server =
        state && std::strcmp(state, "25006") == 0 && !read_only_transaction_;
    if (PQstatus(conn_) != CONNECTION_OK || !state || is_unavailable_state(state) ||
        read_only_server) {
      kind = DatabaseErrorKind::unavailable;
      // A connection exception (08) or a terminated session (57P01 shutdown, 57P02
      // crash of another backend, 57P05 idle timeout) ends the connection even when
      // libpq has not noticed yet: never hand it out again. So does a connection whose
      // server has become read-only (25006 outside a READ ONLY transaction: a standby,
      // or default_transaction_read_only turned on): libpq checked
      // target_session_attrs=read-write only when it connected, and a new connection
      // lets it pick the writable host of a multi-host URL again; kept, the connection
      // would answer every write 503 even after another host took over.
      if (PQstatus(conn_) != CONNECTION_OK || !state || std::strncmp(state, "08", 2) == 0 ||
          std::strncmp(state, "57P0", 4) == 0 || read_only_server)
        broken_ = true;
    }
    if (result) PQclear(result);
    throw DatabaseError(message, kind);
  }

  PGconn *conn_;
  bool broken_ = false;
  bool read_only_transaction_ = false;  // inside begin_read()'s transaction
  int changes_ = 0;
  // Rewritten SQL by original text; node-based, so statements may keep references.
  std::unordered_map<std::string, RewrittenSql> rewritten_;
  // Server-side prepared statement names by SQL text and parameter types.
  std::unordered_map<std::string, std::string> prepared_;
};

bool PostgresStatement::step() {
  if (!executed_) {
    executed_ = true;
    const auto count = static_cast<std::size_t>(sql_.parameter_count);
    std::vector<const char *> values(count);
    std::vector<int> lengths(count);
    for (std::size_t i = 0; i < count; ++i) {
      values[i] = is_null_[i] ? nullptr : values_[i].data();
      lengths[i] = static_cast<int>(values_[i].size());
    }
    result_ = connection_.run(sql_.text, original_, sql_.parameter_count, types_, values.data(),
                              lengths.data(), formats_.data());
  }
  if (!result_) return false;
  if (row_ + 1 >= PQntuples(result_)) return false;
  ++row_;
  return true;
}

// The URL with any password replaced, for log lines and error messages.
std::string pg_url_without_password(const std::string &url) {
  std::size_t scheme = url.find("://");
  std::size_t at = url.find('@');
  if (scheme == std::string::npos || at == std::string::npos) return url;
  std::size_t colon = url.find(':', scheme + 3);
  if (colon == std::string::npos || colon > at) return url;
  return url.substr(0, colon) + ":***" + url.substr(at);
}

}  // namespace

bool is_postgres_url(const std::string &text) {
  return text.rfind("postgresql://", 0) == 0 || text.rfind("postgres://", 0) == 0;
}

PostgresDatabase::PostgresDatabase(std::string url)
    : url_(std::move(url)), epoch_([this] { return read_authority_epoch(); }) {}

std::optional<ChangeStamp> PostgresDatabase::read_authority_epoch() {
  Lease connection = connect();
  Statement statement = connection->prepare("SELECT value FROM authority_epoch WHERE id = 1");
  if (!statement.step()) return std::nullopt;
  const auto epoch = static_cast<std::uint64_t>(statement.column_int64(0));
  statement.run();
  ChangeStamp stamp;
  stamp.words[0] = static_cast<std::uint32_t>(epoch);
  stamp.words[1] = static_cast<std::uint32_t>(epoch >> 32);
  return stamp;
}

std::string PostgresDatabase::describe() const {
  return pg_url_without_password(url_);
}

std::unique_ptr<Connection> PostgresDatabase::open_connection() {
  // connect_timeout keeps a request from waiting long on a database that is down; the
  // URL's own settings win (they come later in the list).
  const char *keys[] = {"connect_timeout", "application_name", "dbname", nullptr};
  const char *values[] = {"3", "hawzu-server", url_.c_str(), nullptr};
  PGconn *conn = PQconnectdbParams(keys, values, /*expand_dbname=*/1);
  if (!conn || PQstatus(conn) != CONNECTION_OK) {
    std::string message =
        "connect to " + describe() + ": " + pg_first_line(conn ? PQerrorMessage(conn) : nullptr);
    PQfinish(conn);
    throw DatabaseError(message, DatabaseErrorKind::unavailable);
  }
  auto connection = std::make_unique<PostgresConnection>(conn);
  // A writer waits at most 5 s for the write lock (SQLite's busy_timeout does the same),
  // and no statement runs longer than 30 s.
  connection->execute(
      "SET lock_timeout = '5s'; SET statement_timeout = '30s'; "
      "SET standard_conforming_strings = on; SET client_encoding = 'UTF8'");
  return connection;
}

MigrationResult PostgresDatabase::migrate() {
  MigrationResult result;
  try {
    Lease connection = connect();
    connection->execute("SELECT pg_advisory_lock(" + std::to_string(kMigrationLockKey) + ")");
    try {
      result = migrate_postgres_database(*connection);
    } catch (...) {
      connection->rollback();
      connection->execute("SELECT pg_advisory_unlock(" + std::to_string(kMigrationLockKey) + ")");
      throw;
    }
    connection->execute("SELECT pg_advisory_unlock(" + std::to_string(kMigrationLockKey) + ")");
  } catch (const DatabaseError &error) {
    result.ok = false;
    result.error = error.what();
  }
  return result;
}

}  // namespace hawzu::server
