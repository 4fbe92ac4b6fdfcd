#include "web/format.h"

#include "web/platform/page.h"

#include <cstdio>

namespace hawzu {
namespace {

const char *const kMonthNames[] = {"January",   "February", "March",    "April",
                                   "May",       "June",     "July",     "August",
                                   "September", "October",  "November", "December"};
const char *const kWeekdayNames[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

std::string short_month(int month) {
  return std::string(kMonthNames[month - 1], 3);
}

}  // namespace

CivilDate local_date(std::int64_t unix_seconds) {
  return local_date_at(unix_seconds, platform::local_utc_offset_minutes(unix_seconds));
}

std::string format_date(const CivilDate &date) {
  return std::to_string(date.day) + " " + short_month(date.month) + " " + std::to_string(date.year);
}

std::string format_long_date(const CivilDate &date) {
  return std::string(kWeekdayNames[weekday(date)]) + ", " + format_date(date);
}

std::string format_date(std::int64_t unix_seconds) {
  return format_date(local_date(unix_seconds));
}

std::string format_date_time(std::int64_t unix_seconds) {
  const int offset_minutes = platform::local_utc_offset_minutes(unix_seconds);
  const std::int64_t local_seconds = unix_seconds + std::int64_t{offset_minutes} * 60;
  std::int64_t second_of_day = local_seconds % kSecondsPerDay;
  if (second_of_day < 0) second_of_day += kSecondsPerDay;
  char time[8];
  std::snprintf(time, sizeof time, "%02d:%02d", static_cast<int>(second_of_day / 3600),
                static_cast<int>(second_of_day / 60 % 60));
  return format_date(local_date_at(unix_seconds, offset_minutes)) + ", " + time;
}

std::string format_month_year(int year, int month) {
  return std::string(kMonthNames[month - 1]) + " " + std::to_string(year);
}

}  // namespace hawzu
