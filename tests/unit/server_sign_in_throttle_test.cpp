// Sign-in throttling: per-account and per-address windows, Retry-After, forgiveness.
#include "security/sign_in_throttle.h"

#include <catch2/catch.hpp>

using hawzu::server::SignInThrottle;
using hawzu::server::ThrottlePolicy;

namespace {

// Records `count` failed attempts at `now` (each begins and is never forgiven).
void fail_times(SignInThrottle &throttle, const char *account, const char *address, int count,
                std::int64_t now) {
  for (int i = 0; i < count; ++i) REQUIRE(throttle.begin_attempt(account, address, now) == 0);
}

}  // namespace

TEST_CASE("five failures lock the account for the rest of the 15-minute window") {
  SignInThrottle throttle;
  fail_times(throttle, "member@acme.test", "10.0.0.1", 5, 1000);
  CHECK(throttle.begin_attempt("member@acme.test", "10.0.0.1", 1000) == 900);
  CHECK(throttle.begin_attempt("member@acme.test", "10.0.0.2", 1300) == 600);  // any address
  CHECK(throttle.begin_attempt("MEMBER@ACME.TEST", "10.0.0.3", 1899) == 1);    // any case
  CHECK(throttle.begin_attempt("member@acme.test", "10.0.0.1", 1900) == 0);    // window over
}

TEST_CASE("the window slides: only failures inside it count") {
  SignInThrottle throttle;
  fail_times(throttle, "a@x.test", "10.0.0.1", 1, 0);
  fail_times(throttle, "a@x.test", "10.0.0.1", 4, 600);
  // Five failures, the oldest at 0: locked until 900, then one slot frees up.
  CHECK(throttle.begin_attempt("a@x.test", "10.0.0.1", 899) == 1);
  CHECK(throttle.begin_attempt("a@x.test", "10.0.0.1", 900) == 0);
  // That attempt counts too: five inside the window again (600 x4, 900).
  CHECK(throttle.begin_attempt("a@x.test", "10.0.0.1", 901) == 600 + 900 - 901);
}

TEST_CASE("other accounts are not affected by one account's failures") {
  SignInThrottle throttle;
  fail_times(throttle, "a@x.test", "10.0.0.1", 5, 0);
  CHECK(throttle.begin_attempt("b@x.test", "10.0.0.1", 1) == 0);
}

TEST_CASE("twenty failures from one address lock that address for every account") {
  SignInThrottle throttle;
  for (int i = 0; i < 20; ++i)
    REQUIRE(throttle.begin_attempt("user" + std::to_string(i) + "@x.test", "192.0.2.7", 100) == 0);
  CHECK(throttle.begin_attempt("fresh@x.test", "192.0.2.7", 100) == 900);
  CHECK(throttle.begin_attempt("fresh@x.test", "192.0.2.8", 100) == 0);
}

TEST_CASE("a success clears the account and forgives its own attempt at the address") {
  SignInThrottle throttle;
  fail_times(throttle, "a@x.test", "10.0.0.1", 4, 0);
  REQUIRE(throttle.begin_attempt("a@x.test", "10.0.0.1", 10) == 0);  // the good attempt
  throttle.forgive("a@x.test", "10.0.0.1", 10);
  // The account starts over: five more failures are allowed.
  fail_times(throttle, "a@x.test", "10.0.0.2", 5, 20);
  CHECK(throttle.begin_attempt("a@x.test", "10.0.0.2", 20) > 0);
}

TEST_CASE("a refused attempt is not counted") {
  ThrottlePolicy policy;
  policy.max_failures_per_account = 2;
  SignInThrottle throttle(policy);
  fail_times(throttle, "a@x.test", "10.0.0.1", 2, 0);
  for (int i = 0; i < 50; ++i) REQUIRE(throttle.begin_attempt("a@x.test", "10.0.0.1", 10) > 0);
  CHECK(throttle.begin_attempt("a@x.test", "10.0.0.1", 900) == 0);
}

TEST_CASE("IPv6 clients are counted by their /64, IPv4-mapped ones by their IPv4 address") {
  CHECK(SignInThrottle::address_key("2001:db8:1:2:aaaa::1") == "2001:db8:1:2::/64");
  CHECK(SignInThrottle::address_key("2001:db8:1:2:bbbb::9") == "2001:db8:1:2::/64");
  CHECK(SignInThrottle::address_key("::ffff:192.0.2.1") == "192.0.2.1");
  CHECK(SignInThrottle::address_key("192.0.2.1") == "192.0.2.1");

  SignInThrottle throttle;
  for (int i = 0; i < 20; ++i)
    REQUIRE(throttle.begin_attempt("u" + std::to_string(i) + "@x.test",
                                   "2001:db8::" + std::to_string(i + 1), 0) == 0);
  CHECK(throttle.begin_attempt("new@x.test", "2001:db8::ffff", 0) > 0);
}

TEST_CASE("the number of tracked keys stays bounded") {
  ThrottlePolicy policy;
  policy.max_tracked_keys = 100;
  SignInThrottle throttle(policy);
  // Failures that left the window: dropped once the bound is reached.
  for (int i = 0; i < 1000; ++i) {
    throttle.begin_attempt("user" + std::to_string(i) + "@x.test",
                           "10.0.0." + std::to_string(i % 250), i * 1000);
    REQUIRE(throttle.tracked_accounts() <= 100);
    REQUIRE(throttle.tracked_addresses() <= 100);
  }
  CHECK(throttle.tracked_accounts() > 0);
  CHECK(throttle.begin_attempt("last@x.test", "10.0.0.250", 2000000) == 0);
}

TEST_CASE("the bound holds when every tracked failure is still inside the window") {
  ThrottlePolicy policy;
  policy.max_tracked_keys = 100;
  SignInThrottle throttle(policy);
  for (int i = 0; i < 1000; ++i) {
    throttle.begin_attempt("user" + std::to_string(i) + "@x.test",
                           "2001:db8:" + std::to_string(i) + "::1", 50);
    REQUIRE(throttle.tracked_accounts() <= 100);
    REQUIRE(throttle.tracked_addresses() <= 100);
  }
  CHECK(throttle.tracked_accounts() >= 50);  // a tenth at a time is dropped, not all
}
