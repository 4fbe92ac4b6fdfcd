// Sign-in throttling (docs/security.md#passwords-and-sign-in): the rule that decides,
// from the failed attempts the store counted inside a sliding window, whether a
// sign-in may go ahead, must wait (429 with Retry-After), or goes ahead slowed.
//
//   - per (account, client address): `max_failures_per_pair` failures lock that pair
//     until the oldest leaves the window. An attacker's failures never block the right
//     password typed from another address: nobody can lock anybody else out.
//   - per client address: `max_failures_per_address` failures across all accounts lock
//     the address (one source guessing many accounts).
//   - per account, from every address together: from `slow_after_account_failures`
//     failures on, each attempt is delayed, doubling with each further failure up to
//     `max_delay_ms`. Brute force from many addresses is slowed, never turned into a
//     lockout of the account's owner.
//
// The counts live in the database (store/sign_in_attempt_store.h), so five failures
// split across two servers count as five. Attempts are recorded when they begin,
// before the password is checked, inside one write transaction with the count, so a
// burst of parallel guesses cannot all slip in first. A success forgives the pair.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace hawzu::server {

struct ThrottlePolicy {
  int max_failures_per_pair = 5;
  int max_failures_per_address = 20;
  int slow_after_account_failures = 5;
  std::int64_t base_delay_ms = 250;
  std::int64_t max_delay_ms = 5000;
  std::int64_t window_seconds = 15 * 60;
};

// What the store counted inside the window, for one attempt's account and address.
struct AttemptCounts {
  int pair_failures = 0;
  std::int64_t pair_oldest = 0;  // time of the oldest of them (valid when any)
  int address_failures = 0;
  std::int64_t address_oldest = 0;
  int account_failures = 0;  // from every address
};

struct ThrottleVerdict {
  std::int64_t wait_seconds = 0;  // > 0: refuse with 429 and this Retry-After
  std::int64_t delay_ms = 0;      // else: answer no sooner than this
};

// REQUIRES: the oldest times are inside the window ending at `now` when their counts
// are positive (the store counts only failures after now - window_seconds).
ThrottleVerdict decide_sign_in(const AttemptCounts &counts, std::int64_t now,
                               const ThrottlePolicy &policy = {});

// The key an account is counted under: the e-mail address as typed, ASCII lower case.
std::string throttle_account_key(std::string_view email);

// The key an address is counted under: IPv4 as is; IPv6 by its /64 prefix (one client
// typically holds a whole /64); IPv4-mapped IPv6 as the IPv4 address.
std::string throttle_address_key(std::string_view address);

}  // namespace hawzu::server
