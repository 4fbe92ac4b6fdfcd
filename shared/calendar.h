// Calendar arithmetic on the proleptic Gregorian calendar, and RFC 3339 / ISO 8601 text.
//
// Times are Unix seconds (UTC). A "local" date is a date in a fixed UTC offset given in
// minutes (the browser's offset at the time of the request, -840..+840). No time-zone
// database is used or needed. Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace hawzu {

struct CivilDate {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..days_in_month
  friend bool operator==(const CivilDate &a, const CivilDate &b) {
    return a.year == b.year && a.month == b.month && a.day == b.day;
  }
  friend bool operator!=(const CivilDate &a, const CivilDate &b) { return !(a == b); }
  friend bool operator<(const CivilDate &a, const CivilDate &b) {
    if (a.year != b.year) return a.year < b.year;
    if (a.month != b.month) return a.month < b.month;
    return a.day < b.day;
  }
  friend bool operator<=(const CivilDate &a, const CivilDate &b) { return !(b < a); }
};

inline constexpr int kMinUtcOffsetMinutes = -14 * 60;
inline constexpr int kMaxUtcOffsetMinutes = 14 * 60;
inline constexpr std::int64_t kSecondsPerDay = 86400;

bool is_leap_year(int year);
int days_in_month(int year, int month);  // REQUIRES: 1 <= month <= 12
bool is_valid_date(const CivilDate &date);

// Days since 1970-01-01 and back (Howard Hinnant's algorithms).
std::int64_t days_from_civil(const CivilDate &date);
CivilDate civil_from_days(std::int64_t days);

// Day of week, 0 = Monday .. 6 = Sunday.
int weekday(const CivilDate &date);

// The same day `months` calendar months later, clamped to the last day of a shorter
// month: Jan 31 + 1 month = Feb 28 (Feb 29 in a leap year).
CivilDate add_months_clamped(const CivilDate &date, int months);

// The local date at instant `unix_seconds` in the given offset.
CivilDate local_date_at(std::int64_t unix_seconds, int utc_offset_minutes);

// A time zone as the browser knows it: the UTC offset in minutes (east positive) in
// effect at each instant. Offsets change at daylight-saving switches, so a local day
// turns into instants with the offset of each instant, never one offset for the day.
using UtcOffsetAt = std::function<int(std::int64_t unix_seconds)>;

// The first instant whose local date is `date`: local midnight, or, where a switch
// skips midnight, the switch itself; where midnight happens twice, the earlier one.
// REQUIRES: offset_at returns kMinUtcOffsetMinutes..kMaxUtcOffsetMinutes and changes at
// most once within any 28 hours.
std::int64_t start_of_local_day(const CivilDate &date, const UtcOffsetAt &offset_at);

// The last second whose local date is `date` (one second before the next day starts):
// 23:59:59 local on most days, in the offset of that second. Same REQUIRES.
std::int64_t end_of_local_day(const CivilDate &date, const UtcOffsetAt &offset_at);

// "YYYY-MM-DD", strictly (four-digit year 0001..9999, real day of month).
std::optional<CivilDate> parse_iso_date(std::string_view text);
std::string format_iso_date(const CivilDate &date);

// "YYYY-MM-DDTHH:MM:SSZ".
std::string format_rfc3339_utc(std::int64_t unix_seconds);

// Any RFC 3339 time, YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM|-HH:MM) with 't' and 'z'
// allowed, as Unix seconds: the fraction is dropped and a leap second (:60) counts as
// the last second of its minute. Nullopt when malformed.
std::optional<std::int64_t> parse_rfc3339(std::string_view text);

// Only what format_rfc3339_utc produces: no fraction, no offset but Z, no lower case, no
// leap second. The API's own times read back with one spelling each.
std::optional<std::int64_t> parse_rfc3339_utc(std::string_view text);

}  // namespace hawzu
