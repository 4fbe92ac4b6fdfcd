// Expiry rules for access tokens (docs/product.md#create-window): the choices offered, how each
// maps to an instant, and which custom dates are allowed.
//
// A token with expires_at E is expired when now > E (E itself is the last valid second).
// Durations count from the creation instant in the user's local time:
//   1 Week → +7 days; 1 Month, 6 Months, 1 Year → calendar months, clamped to the
//   last day of a shorter month, same local time of day.
// Custom Date → the end of that local day: 23:59:59 in the user's offset.
// Never → no expiry.
// Pure functions; thread-safe.
#pragma once

#include "calendar.h"

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace hawzu {

enum class ExpiryKind { one_week, one_month, six_months, one_year, custom, never };

struct ExpiryChoice {
  ExpiryKind kind = ExpiryKind::one_week;
  std::optional<CivilDate> custom_date;  // only for ExpiryKind::custom
  int utc_offset_minutes = 0;            // the user's offset when choosing
};

// Wire names "1w", "1m", "6m", "1y", "custom", "never"; labels as the picker shows them.
std::string_view wire_name(ExpiryKind kind);
std::string_view display_name(ExpiryKind kind);  // "1 Week", ..., "Never Expires"
std::optional<ExpiryKind> parse_expiry_kind(std::string_view wire);
const std::vector<ExpiryKind> &all_expiry_kinds();  // in picker order, 1 Week first

// The first local date a custom expiry may name: today in the user's offset.
CivilDate earliest_custom_date(std::int64_t now_unix, int utc_offset_minutes);

// The last custom date accepted: 9999-12-30. Its end is still in the year 9999 in UTC
// even at UTC-14:00, so every expiry formats as RFC 3339 (a four-digit year).
CivilDate latest_custom_date();

// REQUIRES: the choice passed validation (see access_token_request.h).
// Returns nullopt for Never, else the last valid second as Unix time.
std::optional<std::int64_t> compute_expires_at(const ExpiryChoice &choice,
                                               std::int64_t created_at_unix);

inline bool is_expired(std::optional<std::int64_t> expires_at, std::int64_t now_unix) {
  return expires_at && now_unix > *expires_at;
}

}  // namespace hawzu
