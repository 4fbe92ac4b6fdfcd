// Sign-in throttling: the rule (per pair, per address, slowed per account) over the
// counts the store keeps, Retry-After, forgiveness and pruning.
#include "security/sign_in_throttle.h"
#include "server_test_support.h"
#include "store/sign_in_attempt_store.h"

#include <catch2/catch.hpp>

using namespace hawzu::server;
using hawzu::server::testing::TestDatabase;

namespace {

// What AuthService does with every attempt: count, decide, record unless refused.
struct Throttle {
  TestDatabase test;
  ThrottlePolicy policy;

  ThrottleVerdict attempt(const std::string &account, const std::string &address,
                          std::int64_t now) {
    Database::Lease connection = test.database->connect();
    Transaction transaction(*connection);
    SignInAttemptStore attempts(*connection);
    const std::int64_t since = now - policy.window_seconds;
    attempts.prune(since);
    const std::string account_key = throttle_account_key(account);
    const std::string address_key = throttle_address_key(address);
    ThrottleVerdict verdict =
        decide_sign_in(attempts.count(account_key, address_key, since), now, policy);
    if (verdict.wait_seconds == 0) attempts.record(account_key, address_key, now);
    transaction.commit();
    return verdict;
  }
  std::int64_t wait(const std::string &account, const std::string &address, std::int64_t now) {
    return attempt(account, address, now).wait_seconds;
  }
  void fail_times(const std::string &account, const std::string &address, int count,
                  std::int64_t now) {
    for (int i = 0; i < count; ++i) REQUIRE(wait(account, address, now) == 0);
  }
  void forgive(const std::string &account, const std::string &address) {
    Database::Lease connection = test.database->connect();
    SignInAttemptStore(*connection)
        .forgive_pair(throttle_account_key(account), throttle_address_key(address));
  }
  std::int64_t stored_rows() {
    Database::Lease connection = test.database->connect();
    Statement statement = connection->prepare("SELECT count(*) FROM sign_in_attempts");
    REQUIRE(statement.step());
    return statement.column_int64(0);
  }
};

}  // namespace

TEST_CASE("five failures lock that account at that address for the rest of the window") {
  Throttle throttle;
  throttle.fail_times("member@acme.test", "10.0.0.1", 5, 1000);
  CHECK(throttle.wait("member@acme.test", "10.0.0.1", 1000) == 900);
  CHECK(throttle.wait("MEMBER@ACME.TEST", "10.0.0.1", 1899) == 1);  // any case
  CHECK(throttle.wait("member@acme.test", "10.0.0.1", 1900) == 0);  // window over
}

TEST_CASE("an attacker's failures never lock the account's owner out at another address") {
  Throttle throttle;
  throttle.fail_times("member@acme.test", "203.0.113.9", 5, 1000);
  CHECK(throttle.wait("member@acme.test", "203.0.113.9", 1001) > 0);
  const ThrottleVerdict owner = throttle.attempt("member@acme.test", "198.51.100.4", 1001);
  CHECK(owner.wait_seconds == 0);
  CHECK(owner.delay_ms > 0);  // slowed, as every attempt on an account under attack
}

TEST_CASE("the window slides: only failures inside it count") {
  Throttle throttle;
  throttle.fail_times("a@x.test", "10.0.0.1", 1, 100);
  throttle.fail_times("a@x.test", "10.0.0.1", 4, 600);
  // Five failures, the oldest at 100: locked until 1000, then one slot frees up.
  CHECK(throttle.wait("a@x.test", "10.0.0.1", 999) == 1);
  CHECK(throttle.wait("a@x.test", "10.0.0.1", 1000) == 0);
  // That attempt counts too: five inside the window again (600 x4, 1000).
  CHECK(throttle.wait("a@x.test", "10.0.0.1", 1001) == 600 + 900 - 1001);
}

TEST_CASE("twenty failures from one address lock that address for every account") {
  Throttle throttle;
  for (int i = 0; i < 20; ++i)
    REQUIRE(throttle.wait("user" + std::to_string(i) + "@x.test", "192.0.2.7", 100) == 0);
  CHECK(throttle.wait("fresh@x.test", "192.0.2.7", 100) == 900);
  CHECK(throttle.wait("fresh@x.test", "192.0.2.8", 100) == 0);
}

TEST_CASE("many addresses against one account: a growing delay, never a refusal") {
  Throttle throttle;
  std::int64_t previous_delay = 0;
  for (int i = 0; i < 12; ++i) {
    const ThrottleVerdict verdict =
        throttle.attempt("target@x.test", "10.1.0." + std::to_string(i + 1), 100 + i);
    CHECK(verdict.wait_seconds == 0);
    if (i < throttle.policy.slow_after_account_failures) {
      CHECK(verdict.delay_ms == 0);
    } else {
      CHECK(verdict.delay_ms >= previous_delay);
      CHECK(verdict.delay_ms <= throttle.policy.max_delay_ms);
    }
    previous_delay = verdict.delay_ms;
  }
  CHECK(previous_delay == throttle.policy.max_delay_ms);
}

TEST_CASE("a success forgives that account at that address only") {
  Throttle throttle;
  throttle.fail_times("a@x.test", "10.0.0.1", 4, 0);
  throttle.fail_times("a@x.test", "10.0.0.2", 4, 0);
  throttle.forgive("a@x.test", "10.0.0.1");
  throttle.fail_times("a@x.test", "10.0.0.1", 5, 10);  // starts over there
  CHECK(throttle.wait("a@x.test", "10.0.0.1", 10) > 0);
  CHECK(throttle.wait("a@x.test", "10.0.0.2", 10) == 0);  // the fifth there
  CHECK(throttle.wait("a@x.test", "10.0.0.2", 10) > 0);
}

TEST_CASE("a refused attempt is not counted") {
  Throttle throttle;
  throttle.policy.max_failures_per_pair = 2;
  throttle.fail_times("a@x.test", "10.0.0.1", 2, 100);
  for (int i = 0; i < 50; ++i) REQUIRE(throttle.wait("a@x.test", "10.0.0.1", 110) > 0);
  CHECK(throttle.wait("a@x.test", "10.0.0.1", 1000) == 0);
}

TEST_CASE("IPv6 clients are counted by their /64, IPv4-mapped ones by their IPv4 address") {
  CHECK(throttle_address_key("2001:db8:1:2:aaaa::1") == "2001:db8:1:2::/64");
  CHECK(throttle_address_key("2001:db8:1:2:bbbb::9") == "2001:db8:1:2::/64");
  CHECK(throttle_address_key("::ffff:192.0.2.1") == "192.0.2.1");
  CHECK(throttle_address_key("192.0.2.1") == "192.0.2.1");

  Throttle throttle;
  for (int i = 0; i < 20; ++i)
    REQUIRE(throttle.wait("u" + std::to_string(i) + "@x.test", "2001:db8::" + std::to_string(i + 1),
                          100) == 0);
  CHECK(throttle.wait("new@x.test", "2001:db8::ffff", 100) > 0);
}

TEST_CASE("attempts older than the window are deleted, so the table stays bounded") {
  Throttle throttle;
  for (int i = 0; i < 50; ++i) throttle.wait("u" + std::to_string(i) + "@x.test", "10.0.0.1", 100);
  REQUIRE(throttle.stored_rows() == 20);  // the address lock refused the rest
  CHECK(throttle.wait("late@x.test", "10.0.0.2", 100 + throttle.policy.window_seconds + 1) == 0);
  CHECK(throttle.stored_rows() == 1);  // only the new attempt is left
}
