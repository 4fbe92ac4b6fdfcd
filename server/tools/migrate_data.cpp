#include "tools/migrate_data.h"

#include "app_setup.h"
#include "db/postgres/pg_database.h"
#include "db/sqlite/sqlite_database.h"
#include "security/token_hasher.h"

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

namespace hawzu::server {
namespace {

enum class ColumnKind { integer, text, blob };

struct Column {
  const char *name;
  ColumnKind kind;
};

struct Table {
  const char *name;
  bool has_identity;  // an `id` column whose sequence must follow the copied ids
  std::vector<Column> columns;
};

constexpr ColumnKind I = ColumnKind::integer;
constexpr ColumnKind T = ColumnKind::text;
constexpr ColumnKind B = ColumnKind::blob;

// Every table of both schemas (db/sqlite/sqlite_migrations.cpp, db/postgres/
// pg_migrations.cpp) with every column, parents before the tables that reference
// them. The columns are named, not taken from SELECT *, because SQLite's ALTER TABLE
// put some of them in another order than PostgreSQL's schema. A table or column added
// by a later migration must be added here too. leases is not copied: a lease is
// held by a running server, and none runs during a copy. Nor is
// access_tokens.authority_generation: it only tells the verified-token caches of the
// servers running on a database whether a verdict they hold is still current
// (auth/verified_token_cache.h); servers start with empty caches, and the target's
// triggers move it on as the grants and memberships are copied, which is harmless.
// Nor is PostgreSQL's authority_epoch (migration 7), which SQLite has no table for: its
// one row comes with the migration and only ever moves on.
//
// meta is copied whole: name_key_rule tells the PostgreSQL servers whether the name
// keys need recomputing, and token_key_check makes a server with another key than the
// data directory's refuse to start instead of rejecting every token.
const std::vector<Table> kTables = {
    {"meta", false, {{"key", T}, {"value", T}}},
    {"workspaces", true, {{"id", I}, {"name", T}, {"created_at", I}}},
    {"users",
     true,
     {{"id", I},
      {"email", T},
      {"name", T},
      {"name_key", T},
      {"password_hash", T},
      {"created_at", I},
      {"updated_at", I}}},
    {"memberships", false, {{"workspace_id", I}, {"user_id", I}, {"role", T}, {"created_at", I}}},
    {"projects",
     true,
     {{"id", I},
      {"workspace_id", I},
      {"name", T},
      {"name_key", T},
      {"description", T},
      {"created_at", I},
      {"updated_at", I}}},
    {"test_cases",
     true,
     {{"id", I},
      {"project_id", I},
      {"title", T},
      {"description", T},
      {"steps", T},
      {"expected_result", T},
      {"created_at", I},
      {"updated_at", I},
      {"priority", T}}},
    {"sessions",
     true,
     {{"id", I}, {"id_hash", B}, {"user_id", I}, {"created_at", I}, {"last_seen_at", I}}},
    {"access_tokens",
     true,
     {{"id", I},
      {"workspace_id", I},
      {"name", T},
      {"name_key", T},
      {"identifier", T},
      {"secret_hash", B},
      {"access_type", T},
      {"workspace_role", T},
      {"status", T},
      {"created_by", I},
      {"created_at", I},
      {"expires_at", I},
      {"last_used_at", I},
      {"updated_at", I},
      {"revoked_at", I},
      {"owner_id", I},
      {"disabled_reason", T},
      {"previous_secret_hash", B},
      {"previous_value_expires_at", I},
      {"last_used_ip", T},
      {"leak_url", T},
      {"leak_source", T},
      {"leaked_at", I}}},
    {"access_token_projects", false, {{"token_id", I}, {"project_id", I}, {"role", T}}},
    {"audit_log",
     true,
     {{"id", I},
      {"time", I},
      {"workspace_id", I},
      {"actor_user_id", I},
      {"actor_token_id", I},
      {"action", T},
      {"target_type", T},
      {"target_id", I},
      {"details", T},
      {"ip", T}}},
    {"sign_in_attempts", true, {{"id", I}, {"account_key", T}, {"address_key", T}, {"time", I}}},
    {"access_token_calls",
     true,
     {{"id", I},
      {"token_id", I},
      {"time", I},
      {"method", T},
      {"route", T},
      {"status", I},
      {"ip", T},
      {"user_agent", T}}},
    {"access_token_daily_use",
     false,
     {{"token_id", I}, {"day", I}, {"requests", I}, {"errors", I}}},
    {"access_token_policies",
     false,
     {{"workspace_id", I},
      {"max_lifetime_days", I},
      {"allow_never_expires", I},
      {"disable_after_unused_days", I},
      {"expiry_warning_days", T},
      {"updated_by", I},
      {"updated_at", I}}},
    {"webhooks",
     false,
     {{"workspace_id", I},
      {"url", T},
      {"events", T},
      {"secret_sealed", B},
      {"created_by", I},
      {"created_at", I},
      {"updated_at", I}}},
    {"webhook_events",
     true,
     {{"id", I},
      {"event_id", T},
      {"workspace_id", I},
      {"event", T},
      {"body", T},
      {"created_at", I},
      {"state", T},
      {"attempts", I},
      {"next_attempt_at", I},
      {"claimed_until", I}}},
    {"webhook_attempts",
     true,
     {{"id", I},
      {"event_row", I},
      {"workspace_id", I},
      {"time", I},
      {"url", T},
      {"status_code", I},
      {"error", T},
      {"duration_ms", I},
      {"attempt", I},
      {"next_attempt_at", I}}},
    {"access_token_reminders",
     false,
     {{"token_id", I}, {"reminder", T}, {"expires_at", I}, {"sent_at", I}}},
    {"leak_reports", true, {{"id", I}, {"address_key", T}, {"time", I}, {"tokens", I}}},
};

std::string column_list(const Table &table) {
  std::string list;
  for (const Column &column : table.columns) {
    if (!list.empty()) list += ", ";
    list += column.name;
  }
  return list;
}

std::int64_t count_rows(Connection &connection, const Table &table) {
  Statement statement = connection.prepare(std::string("SELECT count(*) FROM ") + table.name);
  return statement.step() ? statement.column_int64(0) : 0;
}

// Copies every row of `table`; returns how many.
std::int64_t copy_table(Connection &from, Connection &to, const Table &table) {
  std::string placeholders;
  for (std::size_t i = 0; i < table.columns.size(); ++i) placeholders += i ? ", ?" : "?";
  const std::string columns = column_list(table);
  // In the first column's order (the primary key's first column), so ids go in rising.
  Statement read = from.prepare("SELECT " + columns + " FROM " + table.name + " ORDER BY " +
                                table.columns.front().name);
  const std::string insert_sql =
      std::string("INSERT INTO ") + table.name + " (" + columns + ") VALUES (" + placeholders + ")";
  std::int64_t copied = 0;
  while (read.step()) {
    Statement insert = to.prepare(insert_sql);
    for (std::size_t i = 0; i < table.columns.size(); ++i) {
      const int column = static_cast<int>(i);
      const int parameter = column + 1;
      if (read.column_is_null(column)) {
        insert.bind_null(parameter);
        continue;
      }
      switch (table.columns[i].kind) {
        case ColumnKind::integer:
          insert.bind(parameter, read.column_int64(column));
          break;
        case ColumnKind::text:
          insert.bind(parameter, read.column_text(column));
          break;
        case ColumnKind::blob: {
          const std::vector<unsigned char> bytes = read.column_blob(column);
          insert.bind_blob(parameter, bytes.data(), bytes.size());
          break;
        }
      }
    }
    insert.run();
    ++copied;
  }
  return copied;
}

// The first table of the target that holds a row, or empty when none does.
std::string first_non_empty_table(Connection &to) {
  for (const Table &table : kTables) {
    Statement statement =
        to.prepare(std::string("SELECT EXISTS (SELECT 1 FROM ") + table.name + ")");
    if (statement.step() && statement.column_int64(0) != 0) return table.name;
  }
  return {};
}

int fail(const std::string &message, int exit_code = 1) {
  std::fprintf(stderr, "hawzu-server migrate-data: %s\n", message.c_str());
  return exit_code;
}

}  // namespace

bool is_migrate_data_command(const std::vector<std::string> &args) {
  return !args.empty() && args.front() == "migrate-data";
}

std::string migrate_data_usage() {
  return "Usage: hawzu-server migrate-data --from DIR --to postgresql://USER@HOST:PORT/DB\n"
         "\n"
         "  Copies every row of DIR/hawzu.sqlite3 into an empty PostgreSQL database (its\n"
         "  schema is created first), keeping ids, in one transaction; verifies the row\n"
         "  count of every table and refuses a database that already holds data. Stop the\n"
         "  server of DIR first. The token-hashing key is not in the database: start the\n"
         "  PostgreSQL servers with --token-key-file DIR/token-hash.key.\n";
}

int run_migrate_data(const std::vector<std::string> &args) {
  std::string from_dir;
  std::string to_url;
  for (std::size_t i = 0; i < args.size(); ++i) {
    std::string name = args[i], value;
    bool has_value = false;
    if (auto eq = name.find('='); name.rfind("--", 0) == 0 && eq != std::string::npos) {
      value = name.substr(eq + 1);
      name = name.substr(0, eq);
      has_value = true;
    } else if ((name == "--from" || name == "--to") && i + 1 < args.size()) {
      value = args[++i];
      has_value = true;
    }
    if (name == "--help" || name == "-h") {
      std::fputs(migrate_data_usage().c_str(), stdout);
      return 0;
    } else if (name == "--from" && has_value && !value.empty()) {
      from_dir = value;
    } else if (name == "--to" && has_value && is_postgres_url(value)) {
      to_url = value;
    } else {
      fail(name == "--from" ? "--from needs a data directory"
           : name == "--to" ? "--to needs a PostgreSQL URL (postgresql://USER@HOST:PORT/DB)"
                            : "unknown argument '" + args[i] + "'",
           2);
      std::fputs(migrate_data_usage().c_str(), stderr);
      return 2;
    }
  }
  if (from_dir.empty() || to_url.empty()) {
    fail("needs --from DIR and --to postgresql://...", 2);
    std::fputs(migrate_data_usage().c_str(), stderr);
    return 2;
  }

  const std::string source_path = from_dir + "/" + kDatabaseFileName;
  std::error_code ignored;
  if (!std::filesystem::is_regular_file(source_path, ignored))
    return fail(source_path + " does not exist: --from names the data directory of a server");

  SqliteDatabase source(source_path);
  PostgresDatabase target(to_url);
  const std::string where = target.describe();
  try {
    // The source is brought to this version's schema, as a server start would do, so
    // that both sides have the columns listed above.
    MigrationResult migrated = source.migrate();
    if (!migrated.ok) return fail(source_path + ": " + migrated.error);
    migrated = target.migrate();
    if (!migrated.ok) return fail(where + ": " + migrated.error);

    Database::Lease from = source.connect();
    Database::Lease to = target.connect();
    ReadTransaction snapshot(*from);
    // The write unit of work takes the database's write lock (pg_database.h): a server
    // starting on the target meanwhile waits, so the emptiness check holds to commit.
    Transaction transaction(*to);
    if (std::string table = first_non_empty_table(*to); !table.empty())
      return fail(where + " is not empty (table " + table +
                  " holds rows); migrate-data only fills a new, empty database. Nothing was "
                  "written.");

    std::vector<std::int64_t> copied;
    for (const Table &table : kTables) copied.push_back(copy_table(*from, *to, table));
    for (const Table &table : kTables) {
      if (!table.has_identity) continue;
      to->prepare(std::string("SELECT setval(pg_get_serial_sequence('") + table.name +
                  "', 'id'), max(id)) FROM " + table.name)
          .run();
    }
    for (std::size_t i = 0; i < kTables.size(); ++i) {
      const std::int64_t in_source = count_rows(*from, kTables[i]);
      const std::int64_t in_target = count_rows(*to, kTables[i]);
      if (in_source != in_target || in_target != copied[i])
        return fail(std::string("table ") + kTables[i].name + ": " + std::to_string(in_source) +
                    " rows in the source but " + std::to_string(in_target) +
                    " in the target; rolled back, nothing was written");
    }
    transaction.commit();

    std::printf("Copied %s to %s:\n", source_path.c_str(), where.c_str());
    for (std::size_t i = 0; i < kTables.size(); ++i)
      std::printf("  %-22s %lld rows\n", kTables[i].name, static_cast<long long>(copied[i]));
    std::printf(
        "Verified: every table has as many rows as in the source.\n"
        "The token-hashing key is not in the database: start every server of %s with\n"
        "  --token-key-file %s/%s\n"
        "(a copy of that file); with another key, the servers refuse to start.\n",
        where.c_str(), from_dir.c_str(), kTokenHashKeyFileName);
    return 0;
  } catch (const DatabaseError &error) {
    return fail(std::string(error.what()) + "; nothing was written");
  }
}

}  // namespace hawzu::server
