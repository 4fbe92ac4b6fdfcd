// Calendar arithmetic on the proleptic Gregorian calendar, and RFC 3339 / ISO 8601 text.
// The day-count conversions are Howard Hinnant's days_from_civil / civil_from_days
// (http://howardhinnant.github.io/date_algorithms.html), exact for every date.
#include "shared/calendar.h"

#include <cassert>
#include <cstdio>

namespace hawzu {

namespace {

constexpr std::int64_t kSecondsPerHour = 3600;
constexpr std::int64_t kSecondsPerMinute = 60;

// Division rounding towards negative infinity, so instants before 1970 land on the
// right day.
std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  std::int64_t quotient = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --quotient;
  return quotient;
}

std::int64_t floor_mod(std::int64_t a, std::int64_t b) {
  return a - floor_div(a, b) * b;
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// Reads text[start, start + count) as a decimal number; nullopt unless all are digits
// (or the text is too short).
std::optional<int> read_digits(std::string_view text, std::size_t start, std::size_t count) {
  if (start + count > text.size()) return std::nullopt;
  int value = 0;
  for (std::size_t i = start; i < start + count; ++i) {
    if (!is_digit(text[i])) return std::nullopt;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

}  // namespace

bool is_leap_year(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month) {
  assert(month >= 1 && month <= 12);
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && is_leap_year(year)) return 29;
  return kDays[month - 1];
}

bool is_valid_date(const CivilDate &date) {
  return date.month >= 1 && date.month <= 12 && date.day >= 1 &&
         date.day <= days_in_month(date.year, date.month);
}

std::int64_t days_from_civil(const CivilDate &date) {
  // Years start on March 1 so that the leap day is the last day of the year.
  const std::int64_t year = static_cast<std::int64_t>(date.year) - (date.month <= 2 ? 1 : 0);
  const std::int64_t era = floor_div(year, 400);
  const std::int64_t year_of_era = year - era * 400;                                 // [0, 399]
  const std::int64_t month_from_march = (date.month + 9) % 12;                       // [0, 11]
  const std::int64_t day_of_year = (153 * month_from_march + 2) / 5 + date.day - 1;  // [0, 365]
  const std::int64_t day_of_era =
      year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;  // [0, 146096]
  return era * 146097 + day_of_era - 719468;
}

CivilDate civil_from_days(std::int64_t days) {
  days += 719468;
  const std::int64_t era = floor_div(days, 146097);
  const std::int64_t day_of_era = days - era * 146097;  // [0, 146096]
  const std::int64_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) /
      365;  // [0, 399]
  const std::int64_t day_of_year =
      day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);  // [0, 365]
  const std::int64_t month_from_march = (5 * day_of_year + 2) / 153;           // [0, 11]
  CivilDate date;
  date.day = static_cast<int>(day_of_year - (153 * month_from_march + 2) / 5 + 1);
  date.month =
      static_cast<int>(month_from_march < 10 ? month_from_march + 3 : month_from_march - 9);
  date.year = static_cast<int>(year_of_era + era * 400 + (date.month <= 2 ? 1 : 0));
  return date;
}

int weekday(const CivilDate &date) {
  // 1970-01-01 was a Thursday (3 when Monday is 0).
  return static_cast<int>(floor_mod(days_from_civil(date) + 3, 7));
}

CivilDate add_months_clamped(const CivilDate &date, int months) {
  const std::int64_t month_index =
      static_cast<std::int64_t>(date.year) * 12 + (date.month - 1) + months;
  CivilDate result;
  result.year = static_cast<int>(floor_div(month_index, 12));
  result.month = static_cast<int>(floor_mod(month_index, 12)) + 1;
  const int last_day = days_in_month(result.year, result.month);
  result.day = date.day < last_day ? date.day : last_day;
  return result;
}

CivilDate local_date_at(std::int64_t unix_seconds, int utc_offset_minutes) {
  const std::int64_t local_seconds =
      unix_seconds + static_cast<std::int64_t>(utc_offset_minutes) * kSecondsPerMinute;
  return civil_from_days(floor_div(local_seconds, kSecondsPerDay));
}

std::optional<CivilDate> parse_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const std::optional<int> year = read_digits(text, 0, 4);
  const std::optional<int> month = read_digits(text, 5, 2);
  const std::optional<int> day = read_digits(text, 8, 2);
  if (!year || !month || !day) return std::nullopt;
  const CivilDate date{*year, *month, *day};
  if (date.year < 1 || !is_valid_date(date)) return std::nullopt;
  return date;
}

std::string format_iso_date(const CivilDate &date) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year, date.month, date.day);
  return buffer;
}

std::int64_t start_of_local_day(const CivilDate &date, const UtcOffsetAt &offset_at) {
  const std::int64_t midnight = days_from_civil(date) * kSecondsPerDay;  // as local seconds
  const auto seconds = [](int minutes) { return std::int64_t{minutes} * kSecondsPerMinute; };
  // Local midnight happens at midnight - offset for an offset in effect then; the offsets
  // around it are those of the instants 14 hours (the largest offset) before and after.
  const std::int64_t reach = seconds(kMaxUtcOffsetMinutes) + 1;
  const int before = offset_at(midnight - reach);
  const int after = offset_at(midnight + reach);
  assert(before >= kMinUtcOffsetMinutes && before <= kMaxUtcOffsetMinutes);
  assert(after >= kMinUtcOffsetMinutes && after <= kMaxUtcOffsetMinutes);
  std::optional<std::int64_t> first;
  for (int offset : {before, after}) {
    const std::int64_t candidate = midnight - seconds(offset);
    if (offset_at(candidate) == offset && (!first || candidate < *first)) first = candidate;
  }
  if (first) return *first;
  // Midnight was skipped (clocks went forward over it): the day starts at the switch,
  // the first instant after midnight - after whose offset is no longer `before`.
  std::int64_t low = midnight - seconds(after);  // still the old offset
  std::int64_t high = midnight - seconds(before);
  if (low >= high) return midnight - seconds(before);
  while (high - low > 1) {
    const std::int64_t middle = low + (high - low) / 2;
    (offset_at(middle) == before ? low : high) = middle;
  }
  return high;
}

std::int64_t end_of_local_day(const CivilDate &date, const UtcOffsetAt &offset_at) {
  return start_of_local_day(civil_from_days(days_from_civil(date) + 1), offset_at) - 1;
}

std::string format_rfc3339_utc(std::int64_t unix_seconds) {
  const CivilDate date = civil_from_days(floor_div(unix_seconds, kSecondsPerDay));
  const std::int64_t second_of_day = floor_mod(unix_seconds, kSecondsPerDay);
  const int hour = static_cast<int>(second_of_day / kSecondsPerHour);
  const int minute = static_cast<int>(second_of_day % kSecondsPerHour / kSecondsPerMinute);
  const int second = static_cast<int>(second_of_day % kSecondsPerMinute);
  char buffer[96];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02dZ", date.year, date.month,
                date.day, hour, minute, second);
  return buffer;
}

std::optional<std::int64_t> parse_rfc3339(std::string_view text) {
  if (text.size() < 20) return std::nullopt;
  const std::optional<CivilDate> date = parse_iso_date(text.substr(0, 10));
  if (!date || (text[10] != 'T' && text[10] != 't') || text[13] != ':' || text[16] != ':')
    return std::nullopt;
  const std::optional<int> hour = read_digits(text, 11, 2);
  const std::optional<int> minute = read_digits(text, 14, 2);
  const std::optional<int> second = read_digits(text, 17, 2);
  if (!hour || !minute || !second || *hour > 23 || *minute > 59 || *second > 60)
    return std::nullopt;
  std::size_t at = 19;
  if (at < text.size() && text[at] == '.') {
    ++at;
    const std::size_t digits_start = at;
    while (at < text.size() && is_digit(text[at])) ++at;
    if (at == digits_start || at - digits_start > 9) return std::nullopt;
  }
  std::int64_t offset_minutes = 0;
  const std::string_view zone = text.substr(at);
  if (zone == "Z" || zone == "z") {
    offset_minutes = 0;
  } else if (zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && zone[3] == ':') {
    const std::optional<int> offset_hours = read_digits(zone, 1, 2);
    const std::optional<int> offset_rest = read_digits(zone, 4, 2);
    if (!offset_hours || !offset_rest || *offset_hours > 23 || *offset_rest > 59)
      return std::nullopt;
    offset_minutes = (*offset_hours * 60 + *offset_rest) * (zone[0] == '-' ? -1 : 1);
  } else {
    return std::nullopt;
  }
  // A leap second counts as the last second of its minute.
  const int whole_second = *second == 60 ? 59 : *second;
  return days_from_civil(*date) * kSecondsPerDay + *hour * kSecondsPerHour +
         *minute * kSecondsPerMinute + whole_second - offset_minutes * kSecondsPerMinute;
}

std::optional<std::int64_t> parse_rfc3339_utc(std::string_view text) {
  // The general reader, then the one spelling: formatting the instant gives the text back.
  const std::optional<std::int64_t> instant = parse_rfc3339(text);
  if (!instant || format_rfc3339_utc(*instant) != text) return std::nullopt;
  return instant;
}

}  // namespace hawzu
