#include "relative_time.h"

#include <algorithm>
#include <cmath>

namespace hawzu {
namespace {

std::string count_of(long count, const char *unit) {
  return std::to_string(count) + " " + unit + (count == 1 ? "" : "s");
}

// "6 days" etc. for a distance in seconds (> 45).
std::string distance(double seconds) {
  const double minutes = seconds / 60, hours = minutes / 60, days = hours / 24;
  if (minutes < 45) return count_of(std::lround(std::max(1.0, minutes)), "minute");
  if (hours < 22) return count_of(std::lround(std::max(1.0, hours)), "hour");
  if (days < 26) return count_of(std::lround(std::max(1.0, days)), "day");
  const double months = days / 30.44;
  if (months < 11) return count_of(std::lround(std::max(1.0, months)), "month");
  return count_of(std::lround(std::max(1.0, days / 365.25)), "year");
}

}  // namespace

std::string relative_time(std::int64_t when, std::int64_t now) {
  const double seconds = static_cast<double>(when) - static_cast<double>(now);
  if (std::fabs(seconds) < 45) return "just now";
  return seconds > 0 ? "in " + distance(seconds) : distance(-seconds) + " ago";
}

}  // namespace hawzu
