// The store seam on SQLite: schema migrations, connection pragmas, statements, transactions,
// and the connection pool.
#include "server_test_support.h"

#include <atomic>
#include <thread>
#include <vector>

using namespace hawzu::server;
using hawzu::server::testing::TempDir;
using hawzu::server::testing::TestDatabase;

namespace {

std::string pragma_text(Connection &connection, const std::string &name) {
  Statement statement = connection.prepare("PRAGMA " + name);
  REQUIRE(statement.step());
  return statement.column_text(0);
}

}  // namespace

TEST_CASE("a new database gets the current schema version in WAL mode") {
  TestDatabase test;
  Database::Lease connection = test.database->connect();
  CHECK(pragma_text(*connection, "user_version") ==
        std::to_string(current_sqlite_schema_version()));
  CHECK(pragma_text(*connection, "journal_mode") == "wal");
}

TEST_CASE("every connection has foreign keys on, synchronous FULL and a busy timeout") {
  TestDatabase test;
  Database::Lease connection = test.database->connect();
  CHECK(pragma_text(*connection, "foreign_keys") == "1");
  CHECK(pragma_text(*connection, "synchronous") == "2");  // FULL
  CHECK(pragma_text(*connection, "busy_timeout") == "5000");
}

TEST_CASE("migrating twice is a no-op") {
  TestDatabase test;
  Database::Lease connection = test.database->connect();
  MigrationResult again = migrate_sqlite_database(*connection);
  CHECK(again.ok);
  CHECK(again.schema_version == current_sqlite_schema_version());
}

TEST_CASE("a database from a newer server is refused") {
  TestDatabase test;
  {
    Database::Lease connection = test.database->connect();
    connection->execute("PRAGMA user_version = " +
                        std::to_string(current_sqlite_schema_version() + 1));
  }
  Database::Lease connection = test.database->connect();
  MigrationResult result = migrate_sqlite_database(*connection);
  CHECK_FALSE(result.ok);
  CHECK_THAT(result.error, Catch::Contains("newer than this server"));
}

TEST_CASE("a file that is not a database is refused with a reason") {
  TempDir dir;
  const std::string path = dir.path() + "/garbage.sqlite3";
  {
    std::FILE *file = std::fopen(path.c_str(), "w");
    std::fputs("this is not an SQLite database, just some text that is long enough", file);
    std::fclose(file);
  }
  bool refused = false;
  try {
    SqliteDatabase database(path);
    refused = !database.migrate().ok;
  } catch (const DatabaseError &) {
    refused = true;
  }
  CHECK(refused);
}

TEST_CASE("CHECK constraints refuse impossible rows") {
  TestDatabase test;
  hawzu::server::testing::WorkspaceFixture fixture(*test.database);
  Database::Lease connection = test.database->connect();
  // A workspace token without a workspace role.
  CHECK_THROWS_AS(connection->execute(
                      "INSERT INTO access_tokens (workspace_id, name, name_key, identifier, "
                      "secret_hash, access_type, workspace_role, status, created_by, created_at, "
                      "updated_at) VALUES (" +
                      std::to_string(fixture.workspace_id) +
                      ", 'x', 'x', 'hwz_x', zeroblob(32), 'workspace', NULL, 'enabled', " +
                      std::to_string(fixture.user_id) + ", 0, 0)"),
                  DatabaseError);
  // An unknown membership role.
  CHECK_THROWS_AS(connection->execute("INSERT INTO memberships VALUES (" +
                                      std::to_string(fixture.workspace_id) + ", " +
                                      std::to_string(fixture.user_id) + ", 'workspace_god', 0)"),
                  DatabaseError);
}

TEST_CASE("a transaction destroyed without commit rolls back") {
  TestDatabase test;
  Database::Lease connection = test.database->connect();
  {
    Transaction transaction(*connection);
    WorkspaceStore(*connection).insert_workspace("Never committed", 1);
  }
  Statement statement = connection->prepare("SELECT count(*) FROM workspaces");
  REQUIRE(statement.step());
  CHECK(statement.column_int64(0) == 0);
}

TEST_CASE("a committed transaction is visible to other connections") {
  TestDatabase test;
  {
    Database::Lease writer = test.database->connect();
    Transaction transaction(*writer);
    WorkspaceStore(*writer).insert_workspace("Committed", 1);
    transaction.commit();
  }
  SqliteDatabase other(test.dir.path() + "/test.sqlite3");  // its own connection
  Database::Lease reader = other.connect();
  Statement statement = reader->prepare("SELECT name FROM workspaces");
  REQUIRE(statement.step());
  CHECK(statement.column_text(0) == "Committed");
}

TEST_CASE("unique violations are recognisable") {
  TestDatabase test;
  Database::Lease connection = test.database->connect();
  UserStore users(*connection);
  users.insert("a@example.test", "A", "hash", 1);
  try {
    users.insert("A@EXAMPLE.TEST", "A again", "hash", 1);  // emails are case-insensitive
    FAIL("expected a unique violation");
  } catch (const DatabaseError &error) {
    CHECK(is_unique_violation(error));
  }
}

TEST_CASE("the same statement can be prepared while a first copy is still in use") {
  TestDatabase test;
  Database::Lease connection = test.database->connect();
  WorkspaceStore workspaces(*connection);
  workspaces.insert_workspace("One", 1);
  workspaces.insert_workspace("Two", 1);
  const std::string sql = "SELECT name FROM workspaces ORDER BY id";
  Statement outer = connection->prepare(sql);
  REQUIRE(outer.step());
  Statement inner = connection->prepare(sql);
  REQUIRE(inner.step());
  CHECK(inner.column_text(0) == "One");
  REQUIRE(outer.step());
  CHECK(outer.column_text(0) == "Two");
}

TEST_CASE("many threads can write through the pool without losing a row") {
  TestDatabase test;
  constexpr int kThreads = 8;
  constexpr int kWritesPerThread = 25;
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&test, &failures, t] {
      for (int i = 0; i < kWritesPerThread; ++i) {
        try {
          Database::Lease connection = test.database->connect();
          Transaction transaction(*connection);
          WorkspaceStore(*connection)
              .insert_workspace("w" + std::to_string(t) + "-" + std::to_string(i), i);
          transaction.commit();
        } catch (const DatabaseError &) {
          ++failures;
        }
      }
    });
  }
  for (std::thread &thread : threads) thread.join();
  CHECK(failures == 0);
  Database::Lease connection = test.database->connect();
  Statement statement = connection->prepare("SELECT count(*) FROM workspaces");
  REQUIRE(statement.step());
  CHECK(statement.column_int64(0) == kThreads * kWritesPerThread);
}
