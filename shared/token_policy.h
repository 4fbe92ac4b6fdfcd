// A workspace's token policy (docs/product.md#token-policy) and the rules that take it
// as input: which expiry choices a new value may have, the date picker's last day, the
// Expires soon window, and when an unused token is disabled. The web app's create,
// edit and rotate windows and the server run the same functions, so the windows hide
// what the server would refuse. Pure functions; thread-safe.
#pragma once

#include "calendar.h"
#include "expiry.h"
#include "field_error.h"

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hawzu {

inline constexpr int kMaxPolicyDays = 3650;        // ten years, for every day count
inline constexpr std::size_t kMaxWarningDays = 5;  // reminders before one expiry

struct TokenPolicy {
  std::optional<int> max_lifetime_days;  // nullopt: no limit
  bool allow_never_expires = true;
  std::optional<int> disable_after_unused_days;  // nullopt: never auto-disabled
  std::vector<int> expiry_warning_days{7, 1};    // distinct, largest first
  bool operator==(const TokenPolicy &other) const;
};

// The PUT body: every member required (a PUT replaces the policy), nothing else
// allowed. Day counts are integers 1..3650; warning days at most five distinct ones,
// stored largest first whatever order they came in. Field errors name the member
// ("max_lifetime_days", "expiry_warning_days[1]"); reading goes on, so every problem
// is reported at once.
FieldErrors parse_token_policy(const nlohmann::json &body, TokenPolicy &policy);

// {"max_lifetime_days","allow_never_expires","disable_after_unused_days",
//  "expiry_warning_days"}, nulls for no limit.
nlohmann::json to_json(const TokenPolicy &policy);
// Nullopt when `json` is not a policy object this code wrote.
std::optional<TokenPolicy> token_policy_from_json(const nlohmann::json &json);

// ---------------------------------------------------------------------------
// Expiry under the policy. A value handed out at `now` may last at most
// max_lifetime_days whole days: its expires_at is at most latest_allowed_expiry().

std::optional<std::int64_t> latest_allowed_expiry(const TokenPolicy &policy, std::int64_t now_unix);

// Whether the picker offers `kind`: Never only when allowed; a fixed duration only when
// it ends within the limit; Custom Date always (today always fits, as one day is the
// smallest limit).
bool expiry_kind_allowed(const TokenPolicy &policy, ExpiryKind kind, std::int64_t now_unix,
                         int utc_offset_minutes);

// The last local date a custom expiry may name: the policy's limit, or
// latest_custom_date() without one.
CivilDate latest_allowed_custom_date(const TokenPolicy &policy, std::int64_t now_unix,
                                     int utc_offset_minutes);

// What is wrong with an expiry instant under the policy, as a sentence ("This
// workspace's policy allows tokens for at most 90 days."), or nullopt. `expires_at`
// nullopt means Never Expires.
std::optional<std::string> expiry_policy_problem(const TokenPolicy &policy,
                                                 std::optional<std::int64_t> expires_at,
                                                 std::int64_t now_unix);

// What the expiry picker says under a policy with limits ("Your workspace's policy: at
// most 90 days; Never Expires is not allowed."), or nullopt when it has none.
std::optional<std::string> expiry_policy_note(const TokenPolicy &policy);

// ---------------------------------------------------------------------------
// Reminders and auto-disable.

// The first (largest) warning window in days; 0 when the policy warns never.
int expiry_warning_window_days(const TokenPolicy &policy);

// Inside the first warning window and not yet expired: the Expires soon badge.
bool expires_soon(const TokenPolicy &policy, std::optional<std::int64_t> expires_at,
                  std::int64_t now_unix);

// The warning a sweep at `now` owes a token expiring at `expires_at`: the smallest
// warning day count whose window has begun (a token created close to its expiry gets
// one reminder, not one per window), or nullopt when none has begun or it has expired.
std::optional<int> due_expiry_warning(const TokenPolicy &policy, std::int64_t expires_at,
                                      std::int64_t now_unix);

// A token last active (used, or changed by a person, or created) before this instant
// is disabled as unused; nullopt when the policy never disables.
std::optional<std::int64_t> unused_cutoff(const TokenPolicy &policy, std::int64_t now_unix);

}  // namespace hawzu
