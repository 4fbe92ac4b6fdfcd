// Session lifetimes with a clock the test moves: 30 minutes idle, 12 hours absolute.
#include "server_test_support.h"
#include "services/session_service.h"
#include "store/session_store.h"

using namespace hawzu::server;
using hawzu::server::testing::TestDatabase;
using hawzu::server::testing::WorkspaceFixture;

namespace {

struct SessionFixture {
  TestDatabase test;
  WorkspaceFixture workspace{*test.database};
  ManualClock clock{1'700'000'000};
  SessionService sessions{*test.database, clock};

  // Starts a session and returns the hash the cookie value stands for.
  SessionIdHash start() {
    Database::Lease connection = test.database->connect();
    StartedSession started = sessions.start(*connection, workspace.user_id);
    return *session_id_hash_from_cookie(started.cookie_value.view());
  }

  std::int64_t stored_sessions() {
    Database::Lease connection = test.database->connect();
    Statement statement = connection->prepare("SELECT count(*) FROM sessions");
    statement.step();
    return statement.column_int64(0);
  }
};

}  // namespace

TEST_CASE("the rule: idle and absolute timeouts") {
  SessionPolicy policy;
  CHECK(session_state(0, 0, 1799, policy) == SessionState::active);
  CHECK(session_state(0, 0, 1800, policy) == SessionState::idle_expired);
  CHECK(session_state(0, 43000, 43199, policy) == SessionState::active);
  CHECK(session_state(0, 43199, 43200, policy) == SessionState::absolute_expired);
}

TEST_CASE("a session resumes while it is used") {
  SessionFixture fixture;
  SessionIdHash id = fixture.start();
  std::optional<ResumedSession> resumed = fixture.sessions.resume(id);
  REQUIRE(resumed);
  CHECK(resumed->user_id == fixture.workspace.user_id);
}

TEST_CASE("a session ends after 30 minutes without a request") {
  SessionFixture fixture;
  SessionIdHash id = fixture.start();
  fixture.clock.advance(29 * 60 + 59);
  REQUIRE(fixture.sessions.resume(id));
  fixture.clock.advance(29 * 60 + 59);  // each request restarts the idle time
  REQUIRE(fixture.sessions.resume(id));
  fixture.clock.advance(30 * 60);
  CHECK_FALSE(fixture.sessions.resume(id));
  CHECK(fixture.stored_sessions() == 0);  // the expired row is gone
}

TEST_CASE("a session ends 12 hours after sign-in however busy it is") {
  SessionFixture fixture;
  SessionIdHash id = fixture.start();
  for (int minutes = 0; minutes < 12 * 60 - 10; minutes += 10) {
    fixture.clock.advance(10 * 60);
    REQUIRE(fixture.sessions.resume(id));
  }
  fixture.clock.advance(10 * 60);
  CHECK_FALSE(fixture.sessions.resume(id));
}

TEST_CASE("last_seen_at is written at most once a minute") {
  SessionFixture fixture;
  SessionIdHash id = fixture.start();
  auto last_seen = [&fixture]() {
    Database::Lease connection = fixture.test.database->connect();
    Statement statement = connection->prepare("SELECT last_seen_at FROM sessions");
    statement.step();
    return statement.column_int64(0);
  };
  const std::int64_t started = fixture.clock.now();
  fixture.clock.advance(30);
  REQUIRE(fixture.sessions.resume(id));
  CHECK(last_seen() == started);
  fixture.clock.advance(30);
  REQUIRE(fixture.sessions.resume(id));
  CHECK(last_seen() == started + 60);
}

TEST_CASE("ending a session deletes it") {
  SessionFixture fixture;
  SessionIdHash id = fixture.start();
  std::optional<ResumedSession> resumed = fixture.sessions.resume(id);
  REQUIRE(resumed);
  fixture.sessions.end(resumed->session_id);
  CHECK_FALSE(fixture.sessions.resume(id));
}

TEST_CASE("starting a session sweeps expired ones") {
  SessionFixture fixture;
  fixture.start();
  fixture.start();
  fixture.clock.advance(31 * 60);
  fixture.start();
  CHECK(fixture.stored_sessions() == 1);
}

TEST_CASE("only the hash of the session id is stored") {
  SessionFixture fixture;
  Database::Lease connection = fixture.test.database->connect();
  StartedSession started = fixture.sessions.start(*connection, fixture.workspace.user_id);
  Statement statement = connection->prepare("SELECT id_hash FROM sessions");
  REQUIRE(statement.step());
  std::vector<unsigned char> stored = statement.column_blob(0);
  const std::string cookie(started.cookie_value.view());
  CHECK(stored.size() == 32);
  CHECK(std::string(stored.begin(), stored.end()).find(cookie.substr(0, 8)) == std::string::npos);
}
