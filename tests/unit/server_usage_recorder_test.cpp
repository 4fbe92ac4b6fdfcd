// UsageRecorder (services/usage_recorder.h) and UsageStore: calls are buffered, not
// written, until a flush; one flush writes a batch (calls, daily counts that add up,
// last_used_ip); the buffer is bounded (drops are counted); each token keeps its last
// kUsageRecentCalls calls and kUsageDays days; a failed flush is retried, then dropped.
#include "server_test_support.h"
#include "services/token_service.h"
#include "services/usage_recorder.h"
#include "shared/token_format.h"
#include "store/token_store.h"
#include "store/usage_store.h"
#include "util/clock.h"

#include <catch2/catch.hpp>

#include <string>

using namespace hawzu;
using namespace hawzu::server;
using hawzu::server::testing::TestDatabase;
using hawzu::server::testing::WorkspaceFixture;

namespace {

constexpr std::int64_t kNow = 1'800'000'000;  // 2027-01-15T08:00:00Z
const std::int64_t kToday = kNow / 86400;

struct UsageFixture {
  TestDatabase test;
  WorkspaceFixture workspace{*test.database};
  ManualClock clock{kNow};
  std::shared_ptr<const std::string> route =
      std::make_shared<const std::string>("/api/v1/workspace/{wid}/projects");
  int next_token = 0;

  std::int64_t token() {
    NewTokenRow row;
    row.workspace_id = workspace.workspace_id;
    row.name = "Token " + std::to_string(++next_token);
    row.name_key = token_name_key(row.name);
    row.identifier = "hwz_Ab12Cd3" + std::to_string(next_token);
    row.secret_hash.fill(static_cast<unsigned char>(next_token));
    row.access_type = AccessType::workspace;
    row.workspace_role = WorkspaceRole::viewer;
    row.created_by = workspace.user_id;
    row.created_at = kNow - 100;
    Database::Lease connection = test.database->connect();
    std::optional<std::int64_t> id = TokenStore(*connection).insert(row);
    REQUIRE(id);
    return *id;
  }

  RecordedCall call(std::int64_t token_id, int status = 200, std::int64_t time = kNow,
                    const std::string &ip = "203.0.113.5") {
    RecordedCall call;
    call.token_id = token_id;
    call.time = time;
    call.method = "GET";
    call.route = route;
    call.status = status;
    call.ip = ip;
    call.user_agent = "ci-runner/1.0";
    return call;
  }

  std::vector<TokenCall> recent(std::int64_t token_id) {
    Database::Lease connection = test.database->connect();
    return UsageStore(*connection).recent_calls(token_id, 1000);
  }
  std::vector<DailyUse> daily(std::int64_t token_id) {
    Database::Lease connection = test.database->connect();
    return UsageStore(*connection).daily_since(token_id, 0);
  }
  std::optional<std::string> last_used_ip(std::int64_t token_id) {
    Database::Lease connection = test.database->connect();
    return TokenStore(*connection).find_live(workspace.workspace_id, token_id)->token.last_used_ip;
  }
};

}  // namespace

TEST_CASE("usage: calls are buffered, then one flush writes them all") {
  UsageFixture f;
  const std::int64_t a = f.token();
  const std::int64_t b = f.token();
  UsageRecorder recorder(*f.test.database, f.clock);
  recorder.record(f.call(a, 200, kNow - 2, "198.51.100.1"));
  recorder.record(f.call(a, 404, kNow - 1, "198.51.100.2"));
  recorder.record(f.call(b, 200));
  CHECK(recorder.buffered_calls() == 3);
  CHECK(f.recent(a).empty());  // nothing written before the flush
  CHECK_FALSE(f.last_used_ip(a));

  CHECK(recorder.flush());
  CHECK(recorder.buffered_calls() == 0);
  std::vector<TokenCall> calls = f.recent(a);
  REQUIRE(calls.size() == 2);
  CHECK(calls[0].status == 404);  // newest first
  CHECK(calls[0].time == kNow - 1);
  CHECK(calls[0].route == "/api/v1/workspace/{wid}/projects");
  CHECK(calls[0].method == "GET");
  CHECK(calls[0].ip == "198.51.100.2");
  CHECK(calls[0].user_agent == "ci-runner/1.0");
  CHECK(calls[1].status == 200);
  CHECK(f.recent(b).size() == 1);

  std::vector<DailyUse> days = f.daily(a);
  REQUIRE(days.size() == 1);
  CHECK(days[0].day == kToday);
  CHECK(days[0].requests == 2);
  CHECK(days[0].errors == 1);
  CHECK(f.last_used_ip(a) == std::string("198.51.100.2"));  // the latest call's
  CHECK(recorder.flush());                                  // nothing buffered: nothing to do
}

TEST_CASE("usage: daily counts add up across flushes and recorders") {
  UsageFixture f;
  const std::int64_t a = f.token();
  UsageRecorder one(*f.test.database, f.clock);
  UsageRecorder two(*f.test.database, f.clock);  // another server on the same database
  one.record(f.call(a, 200));
  one.record(f.call(a, 500));
  REQUIRE(one.flush());
  two.record(f.call(a, 403));
  two.record(f.call(a, 200, kNow - 86400));  // yesterday
  REQUIRE(two.flush());
  std::vector<DailyUse> days = f.daily(a);
  REQUIRE(days.size() == 2);
  CHECK(days[0].day == kToday - 1);
  CHECK(days[0].requests == 1);
  CHECK(days[0].errors == 0);
  CHECK(days[1].day == kToday);
  CHECK(days[1].requests == 3);
  CHECK(days[1].errors == 2);
}

TEST_CASE("usage: a full buffer drops calls and counts them, never waits") {
  UsageFixture f;
  const std::int64_t a = f.token();
  UsageRecorderLimits limits;
  limits.max_buffered_calls = 5;
  UsageRecorder recorder(*f.test.database, f.clock, limits);
  for (int i = 0; i < 8; ++i) recorder.record(f.call(a));
  CHECK(recorder.buffered_calls() == 5);
  CHECK(recorder.dropped_calls() == 3);
  REQUIRE(recorder.flush());
  CHECK(f.recent(a).size() == 5);
  recorder.record(f.call(a));  // room again after the flush
  CHECK(recorder.buffered_calls() == 1);
}

TEST_CASE("usage: each token keeps its last calls and its last days only") {
  UsageFixture f;
  const std::int64_t a = f.token();
  const std::int64_t b = f.token();
  UsageRecorder recorder(*f.test.database, f.clock);
  recorder.record(f.call(b));
  // 40 days of calls, 3 a day: the days before the window are pruned (or never added).
  for (int day = 39; day >= 0; --day)
    for (int i = 0; i < 3; ++i) recorder.record(f.call(a, 200, kNow - day * 86400 + i));
  REQUIRE(recorder.flush());
  std::vector<TokenCall> calls = f.recent(a);
  REQUIRE(calls.size() == static_cast<std::size_t>(kUsageRecentCalls));
  CHECK(calls.front().time == kNow + 2);              // the newest
  CHECK(calls.back().time == kNow - 33 * 86400 + 2);  // the 100th newest of 120
  std::vector<DailyUse> days = f.daily(a);
  REQUIRE(days.size() == static_cast<std::size_t>(kUsageDays));
  CHECK(days.front().day == kToday - (kUsageDays - 1));
  CHECK(days.back().day == kToday);
  CHECK(f.recent(b).size() == 1);  // another token's calls are its own

  // Days later, a flush for the token prunes the days that left the window.
  f.clock.advance(5 * 86400);
  recorder.record(f.call(a, 200, f.clock.now()));
  REQUIRE(recorder.flush());
  days = f.daily(a);
  REQUIRE(days.size() == static_cast<std::size_t>(kUsageDays - 5 + 1));
  CHECK(days.front().day == kToday + 5 - (kUsageDays - 1));
  CHECK(f.recent(a).size() == static_cast<std::size_t>(kUsageRecentCalls));
}

TEST_CASE("usage: the token's usage is zero-filled over the window") {
  UsageFixture f;
  const std::int64_t a = f.token();
  UsageRecorder recorder(*f.test.database, f.clock);
  recorder.record(f.call(a, 200, kNow - 2 * 86400));
  recorder.record(f.call(a, 401));
  REQUIRE(recorder.flush());
  TokenHasher hasher{std::string(kTokenHashKeyBytes, 'k')};
  TokenService tokens(*f.test.database, f.clock, hasher);
  UserPrincipal owner;
  owner.user_id = f.workspace.user_id;
  owner.memberships = {{f.workspace.workspace_id, "Test Workspace", WorkspaceRole::owner}};
  Result<TokenUsage> usage = tokens.usage(Principal(owner), f.workspace.workspace_id, a);
  REQUIRE(usage);
  REQUIRE(usage.value().daily.size() == static_cast<std::size_t>(kUsageDays));
  CHECK(usage.value().daily.back().day == kToday);
  CHECK(usage.value().daily.back().requests == 1);
  CHECK(usage.value().daily.back().errors == 1);
  CHECK(usage.value().daily[kUsageDays - 3].requests == 1);
  CHECK(usage.value().daily[kUsageDays - 2].requests == 0);
  CHECK(usage.value().recent.size() == 2);
  CHECK_FALSE(tokens.usage(Principal(owner), f.workspace.workspace_id, a + 100));  // 404
}

TEST_CASE("usage: a failed flush keeps its calls for the next ones, then gives up") {
  UsageFixture f;
  const std::int64_t a = f.token();
  UsageRecorder recorder(*f.test.database, f.clock);
  auto break_table = [&](bool broken) {
    Database::Lease connection = f.test.database->connect();
    connection->execute(broken ? "ALTER TABLE access_token_calls RENAME TO calls_away"
                               : "ALTER TABLE calls_away RENAME TO access_token_calls");
  };
  break_table(true);
  recorder.record(f.call(a, 200, kNow - 1));
  CHECK_FALSE(recorder.flush());  // kept
  recorder.record(f.call(a, 201, kNow));
  break_table(false);
  CHECK(recorder.flush());  // both, in order
  std::vector<TokenCall> calls = f.recent(a);
  REQUIRE(calls.size() == 2);
  CHECK(calls[0].status == 201);
  CHECK(calls[1].status == 200);
  CHECK(recorder.dropped_calls() == 0);

  break_table(true);
  recorder.record(f.call(a));
  for (int attempt = 0; attempt < kFlushAttempts; ++attempt) CHECK_FALSE(recorder.flush());
  CHECK(recorder.dropped_calls() == 1);
  break_table(false);
  CHECK(recorder.flush());  // nothing left to retry
  CHECK(f.recent(a).size() == 2);
}

TEST_CASE("usage: the background thread flushes, and stop() flushes what is left") {
  UsageFixture f;
  const std::int64_t a = f.token();
  UsageRecorderLimits limits;
  limits.flush_interval = std::chrono::milliseconds(3600 * 1000);  // only stop() flushes
  UsageRecorder recorder(*f.test.database, f.clock, limits);
  recorder.start();
  recorder.record(f.call(a));
  recorder.stop();
  CHECK(f.recent(a).size() == 1);
}

TEST_CASE("usage: a stored user agent is valid UTF-8 and bounded") {
  CHECK(stored_user_agent("curl/8.5.0") == "curl/8.5.0");
  CHECK(stored_user_agent("caf\xC3\xA9 \xE2\x9C\x93") == "caf\xC3\xA9 \xE2\x9C\x93");
  CHECK(stored_user_agent("a\xFF"
                          "b") ==
        "a\xEF\xBF\xBD"
        "b");
  CHECK(stored_user_agent("a\xC3") == "a\xEF\xBF\xBD");  // cut sequence
  CHECK(stored_user_agent("a\xED\xA0\x80"
                          "b") ==
        "a\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"
        "b");
  CHECK(stored_user_agent("tab\there") == "tab\xEF\xBF\xBDhere");  // control character
  const std::string long_text(1000, 'x');
  CHECK(stored_user_agent(long_text).size() == kMaxStoredUserAgent);
  std::string mixed = std::string(kMaxStoredUserAgent - 1, 'a') + "\xC3\xA9";
  CHECK(stored_user_agent(mixed) == std::string(kMaxStoredUserAgent - 1, 'a'));  // no half
}
