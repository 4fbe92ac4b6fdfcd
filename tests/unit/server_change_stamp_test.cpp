// The change stamp (db/change_stamp.h) of the SQLite backend, the WAL-index header: it
// stays put while only reads happen and moves on with every commit, whichever
// connection or database handle on the file made it; and the coalesced read the
// PostgreSQL backend reads its stamp through (db/coalesced_read.h): every caller gets
// the result of a run that began after it called.
#include "db/coalesced_read.h"
#include "db/sqlite/sqlite_database.h"
#include "server_test_support.h"
#include "store/workspace_store.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

using namespace hawzu::server;
using hawzu::server::testing::TempDir;
using hawzu::server::testing::TestDatabase;

namespace {

ChangeStamp stamp_of(std::uint32_t value) {
  ChangeStamp stamp;
  stamp.words[0] = value;
  return stamp;
}

void insert_workspace(Database &database, const std::string &name) {
  Database::Lease connection = database.connect();
  Transaction transaction(*connection);
  WorkspaceStore(*connection).insert_workspace(name, 1);
  transaction.commit();
}

}  // namespace

TEST_CASE("the SQLite change stamp stays put across reads and moves with every commit") {
  TestDatabase test;
  const std::optional<ChangeStamp> before = test.database->change_stamp();
  REQUIRE(before);

  {
    Database::Lease connection = test.database->connect();
    Statement statement = connection->prepare("SELECT count(*) FROM workspaces");
    REQUIRE(statement.step());
    ReadTransaction snapshot(*connection);
  }
  CHECK(test.database->change_stamp() == before);

  insert_workspace(*test.database, "First");
  const std::optional<ChangeStamp> after_first = test.database->change_stamp();
  REQUIRE(after_first);
  CHECK(*after_first != *before);

  SECTION("a commit made through another handle on the file, as another process would") {
    SqliteDatabase other(test.dir.path() + "/test.sqlite3");
    REQUIRE(other.migrate().ok);
    CHECK(other.change_stamp() == after_first);
    insert_workspace(other, "Second");
    const std::optional<ChangeStamp> after_second = test.database->change_stamp();
    REQUIRE(after_second);
    CHECK(*after_second != *after_first);
    CHECK(other.change_stamp() == after_second);
  }
  SECTION("a write rolled back leaves nothing committed to announce") {
    {
      Database::Lease connection = test.database->connect();
      Transaction transaction(*connection);
      WorkspaceStore(*connection).insert_workspace("Never committed", 1);
    }
    CHECK(test.database->change_stamp() == after_first);
  }
  SECTION("a checkpoint that restarts the WAL still moves it on with the next commit") {
    {
      Database::Lease connection = test.database->connect();
      connection->execute("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    insert_workspace(*test.database, "After the checkpoint");
    const std::optional<ChangeStamp> restarted = test.database->change_stamp();
    REQUIRE(restarted);
    CHECK(*restarted != *after_first);
  }
}

TEST_CASE("a SQLite database not yet migrated cannot tell, so callers read") {
  TempDir dir;
  SqliteDatabase database(dir.path() + "/fresh.sqlite3");
  CHECK_FALSE(database.change_stamp());
}

TEST_CASE("a coalesced read answers each caller with a run that began after it called") {
  std::mutex mutex;
  std::condition_variable changed;
  bool release_first = false;
  std::atomic<std::uint32_t> run_number{0};
  std::atomic<int> waiting{0};
  CoalescedRead read([&]() -> std::optional<ChangeStamp> {
    const std::uint32_t number = ++run_number;
    if (number == 1) {
      std::unique_lock<std::mutex> lock(mutex);
      changed.wait(lock, [&] { return release_first; });
    }
    return stamp_of(number);
  });

  // The first caller starts run 1, which waits; the others all arrive during it.
  std::optional<ChangeStamp> first;
  std::thread first_caller([&] { first = read.get(); });
  while (run_number.load() == 0) std::this_thread::yield();

  constexpr int kLater = 8;
  std::vector<std::optional<ChangeStamp>> later(kLater);
  std::vector<std::thread> later_callers;
  for (int i = 0; i < kLater; ++i)
    later_callers.emplace_back([&, i] {
      ++waiting;
      later[static_cast<std::size_t>(i)] = read.get();
    });
  while (waiting.load() < kLater) std::this_thread::yield();
  {
    const std::lock_guard<std::mutex> lock(mutex);
    release_first = true;
  }
  changed.notify_all();
  first_caller.join();
  for (std::thread &caller : later_callers) caller.join();

  CHECK(first == stamp_of(1));
  for (const std::optional<ChangeStamp> &result : later) {
    REQUIRE(result);
    CHECK(result->words[0] >= 2);  // never run 1's answer: it began before they called
  }
}

TEST_CASE("a coalesced read that fails answers 'cannot tell', and the next one runs again") {
  int calls = 0;
  CoalescedRead read([&]() -> std::optional<ChangeStamp> {
    if (++calls == 1) throw std::runtime_error("the database went away");
    return stamp_of(7);
  });
  CHECK_FALSE(read.get());
  CHECK(read.get() == stamp_of(7));
  CHECK(read.runs() == 2);
}
