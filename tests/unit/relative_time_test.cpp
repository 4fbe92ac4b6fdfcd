// Relative times as the token table shows them ("3 hours ago", "in 6 days").
#include "shared/relative_time.h"

#include <catch2/catch.hpp>

using namespace hawzu;

namespace {
constexpr std::int64_t kNow = 1764331200;  // 2025-11-28T12:00:00Z
constexpr std::int64_t kMinute = 60, kHour = 3600, kDay = 86400;
}  // namespace

TEST_CASE("relative_time: within 45 seconds either way is just now") {
  CHECK(relative_time(kNow, kNow) == "just now");
  CHECK(relative_time(kNow + 44, kNow) == "just now");
  CHECK(relative_time(kNow - 44, kNow) == "just now");
}

TEST_CASE("relative_time: past times end in ago, future ones start with in") {
  CHECK(relative_time(kNow - 3 * kHour, kNow) == "3 hours ago");
  CHECK(relative_time(kNow + 6 * kDay, kNow) == "in 6 days");
  CHECK(relative_time(kNow - 50, kNow) == "1 minute ago");
  CHECK(relative_time(kNow + 90, kNow) == "in 2 minutes");
}

TEST_CASE("relative_time: singular units and rounding to the nearest") {
  CHECK(relative_time(kNow - kHour, kNow) == "1 hour ago");
  CHECK(relative_time(kNow - kDay, kNow) == "1 day ago");
  CHECK(relative_time(kNow + 6 * kDay + 13 * kHour, kNow) == "in 7 days");
  CHECK(relative_time(kNow + 6 * kDay + 11 * kHour, kNow) == "in 6 days");
}

TEST_CASE("relative_time: units switch where people switch") {
  CHECK(relative_time(kNow - 44 * kMinute, kNow) == "44 minutes ago");
  CHECK(relative_time(kNow - 46 * kMinute, kNow) == "1 hour ago");
  CHECK(relative_time(kNow - 21 * kHour, kNow) == "21 hours ago");
  CHECK(relative_time(kNow - 23 * kHour, kNow) == "1 day ago");
  CHECK(relative_time(kNow + 25 * kDay, kNow) == "in 25 days");
  CHECK(relative_time(kNow + 27 * kDay, kNow) == "in 1 month");
  CHECK(relative_time(kNow + 183 * kDay, kNow) == "in 6 months");
  CHECK(relative_time(kNow + 365 * kDay, kNow) == "in 1 year");
  CHECK(relative_time(kNow - 3 * 365 * kDay, kNow) == "3 years ago");
}
