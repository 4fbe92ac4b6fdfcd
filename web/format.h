// Dates and times as the UI writes them, in the browser's local time:
// "28 Nov 2025", "Fri, 28 Nov 2025", "28 Nov 2025, 14:05", "November 2025".
#pragma once

#include "shared/calendar.h"

#include <cstdint>
#include <string>

namespace hawzu {

CivilDate local_date(std::int64_t unix_seconds);
std::string format_date(const CivilDate &date);           // "28 Nov 2025"
std::string format_long_date(const CivilDate &date);      // "Fri, 28 Nov 2025"
std::string format_date(std::int64_t unix_seconds);       // local "28 Nov 2025"
std::string format_date_time(std::int64_t unix_seconds);  // local "28 Nov 2025, 14:05"
std::string format_month_year(int year, int month);       // "November 2025"

}  // namespace hawzu
