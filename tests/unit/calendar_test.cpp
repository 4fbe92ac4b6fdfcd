// Calendar arithmetic and RFC 3339 / ISO 8601 text.
#include "shared/calendar.h"

#include <catch2/catch.hpp>

using namespace hawzu;

TEST_CASE("Leap years follow the Gregorian rule", "[calendar]") {
  CHECK(is_leap_year(2024));
  CHECK_FALSE(is_leap_year(2023));
  CHECK_FALSE(is_leap_year(1900));  // divisible by 100
  CHECK(is_leap_year(2000));        // divisible by 400
  CHECK_FALSE(is_leap_year(2100));
}

TEST_CASE("days_in_month knows every month's length", "[calendar]") {
  CHECK(days_in_month(2023, 1) == 31);
  CHECK(days_in_month(2023, 2) == 28);
  CHECK(days_in_month(2024, 2) == 29);
  CHECK(days_in_month(1900, 2) == 28);
  CHECK(days_in_month(2000, 2) == 29);
  CHECK(days_in_month(2023, 3) == 31);
  CHECK(days_in_month(2023, 4) == 30);
  CHECK(days_in_month(2023, 5) == 31);
  CHECK(days_in_month(2023, 6) == 30);
  CHECK(days_in_month(2023, 7) == 31);
  CHECK(days_in_month(2023, 8) == 31);
  CHECK(days_in_month(2023, 9) == 30);
  CHECK(days_in_month(2023, 10) == 31);
  CHECK(days_in_month(2023, 11) == 30);
  CHECK(days_in_month(2023, 12) == 31);
}

TEST_CASE("is_valid_date accepts only real days", "[calendar]") {
  CHECK(is_valid_date({2024, 2, 29}));
  CHECK_FALSE(is_valid_date({2023, 2, 29}));
  CHECK(is_valid_date({2023, 12, 31}));
  CHECK_FALSE(is_valid_date({2023, 4, 31}));
  CHECK_FALSE(is_valid_date({2023, 0, 1}));
  CHECK_FALSE(is_valid_date({2023, 13, 1}));
  CHECK_FALSE(is_valid_date({2023, 1, 0}));
  CHECK_FALSE(is_valid_date({2023, 1, 32}));
}

TEST_CASE("days_from_civil counts days from 1970-01-01", "[calendar]") {
  CHECK(days_from_civil({1970, 1, 1}) == 0);
  CHECK(days_from_civil({1970, 1, 2}) == 1);
  CHECK(days_from_civil({1969, 12, 31}) == -1);
  CHECK(days_from_civil({2000, 3, 1}) == 11017);
  CHECK(days_from_civil({2024, 2, 29}) == 19782);
  CHECK(days_from_civil({1, 1, 1}) == -719162);
  CHECK(days_from_civil({9999, 12, 31}) == 2932896);
}

TEST_CASE("civil_from_days is the inverse of days_from_civil", "[calendar]") {
  CHECK(civil_from_days(0) == CivilDate{1970, 1, 1});
  CHECK(civil_from_days(-1) == CivilDate{1969, 12, 31});
  CHECK(civil_from_days(19782) == CivilDate{2024, 2, 29});
  CHECK(civil_from_days(-719162) == CivilDate{1, 1, 1});
  CHECK(civil_from_days(2932896) == CivilDate{9999, 12, 31});

  // Every day from 0001-01-01 to 9999-12-31 follows the one before it.
  CivilDate previous = civil_from_days(-719163);
  CHECK(previous == CivilDate{0, 12, 31});
  for (std::int64_t day = -719162; day <= 2932896; ++day) {
    const CivilDate date = civil_from_days(day);
    const bool next_day_same_month =
        date.year == previous.year && date.month == previous.month && date.day == previous.day + 1;
    const bool first_of_next_month =
        date.day == 1 && previous.day == days_in_month(previous.year, previous.month) &&
        ((date.year == previous.year && date.month == previous.month + 1) ||
         (date.year == previous.year + 1 && date.month == 1 && previous.month == 12));
    if (!(next_day_same_month || first_of_next_month) || days_from_civil(date) != day) {
      FAIL("day " << day << " is " << format_iso_date(date));
    }
    previous = date;
  }
}

TEST_CASE("weekday counts from Monday = 0", "[calendar]") {
  CHECK(weekday({1970, 1, 1}) == 3);    // Thursday
  CHECK(weekday({1969, 12, 31}) == 2);  // Wednesday
  CHECK(weekday({2024, 1, 1}) == 0);    // Monday
  CHECK(weekday({2024, 2, 29}) == 3);   // Thursday
  CHECK(weekday({2000, 3, 1}) == 2);    // Wednesday
  CHECK(weekday({2024, 6, 16}) == 6);   // Sunday
}

TEST_CASE("add_months_clamped keeps the day when the month has it", "[calendar]") {
  CHECK(add_months_clamped({2024, 1, 15}, 1) == CivilDate{2024, 2, 15});
  CHECK(add_months_clamped({2024, 3, 31}, 0) == CivilDate{2024, 3, 31});
  CHECK(add_months_clamped({2024, 1, 31}, 2) == CivilDate{2024, 3, 31});
}

TEST_CASE("add_months_clamped clamps Jan 31 + 1 month to the end of February", "[calendar]") {
  CHECK(add_months_clamped({2023, 1, 31}, 1) == CivilDate{2023, 2, 28});  // non-leap year
  CHECK(add_months_clamped({2024, 1, 31}, 1) == CivilDate{2024, 2, 29});  // leap year
  CHECK(add_months_clamped({2024, 1, 30}, 1) == CivilDate{2024, 2, 29});
  CHECK(add_months_clamped({2024, 1, 29}, 1) == CivilDate{2024, 2, 29});
  CHECK(add_months_clamped({2100, 1, 31}, 1) == CivilDate{2100, 2, 28});  // not a leap year
}

TEST_CASE("add_months_clamped clamps to 30-day months", "[calendar]") {
  CHECK(add_months_clamped({2024, 3, 31}, 1) == CivilDate{2024, 4, 30});
  CHECK(add_months_clamped({2024, 1, 31}, 3) == CivilDate{2024, 4, 30});
  CHECK(add_months_clamped({2024, 10, 31}, 6) == CivilDate{2025, 4, 30});
  CHECK(add_months_clamped({2024, 8, 31}, 1) == CivilDate{2024, 9, 30});
}

TEST_CASE("add_months_clamped maps Feb 29 + 1 year to Feb 28", "[calendar]") {
  CHECK(add_months_clamped({2024, 2, 29}, 12) == CivilDate{2025, 2, 28});
  CHECK(add_months_clamped({2024, 2, 29}, 48) == CivilDate{2028, 2, 29});
}

TEST_CASE("add_months_clamped rolls December over into January", "[calendar]") {
  CHECK(add_months_clamped({2023, 12, 15}, 1) == CivilDate{2024, 1, 15});
  CHECK(add_months_clamped({2023, 12, 31}, 1) == CivilDate{2024, 1, 31});
  CHECK(add_months_clamped({2023, 11, 30}, 2) == CivilDate{2024, 1, 30});
  CHECK(add_months_clamped({2023, 8, 31}, 6) == CivilDate{2024, 2, 29});
  CHECK(add_months_clamped({2023, 7, 10}, 6) == CivilDate{2024, 1, 10});
  CHECK(add_months_clamped({2023, 12, 31}, 12) == CivilDate{2024, 12, 31});
}

TEST_CASE("add_months_clamped goes backwards for negative months", "[calendar]") {
  CHECK(add_months_clamped({2024, 1, 15}, -1) == CivilDate{2023, 12, 15});
  CHECK(add_months_clamped({2024, 3, 31}, -1) == CivilDate{2024, 2, 29});
  CHECK(add_months_clamped({2024, 1, 31}, -13) == CivilDate{2022, 12, 31});
}

TEST_CASE("local_date_at applies the UTC offset", "[calendar]") {
  const std::int64_t evening = 1710113400;  // 2024-03-10T23:30:00Z
  CHECK(local_date_at(evening, 0) == CivilDate{2024, 3, 10});
  CHECK(local_date_at(evening, 29) == CivilDate{2024, 3, 10});  // 23:59 local
  CHECK(local_date_at(evening, 30) == CivilDate{2024, 3, 11});  // midnight local
  CHECK(local_date_at(evening, 14 * 60) == CivilDate{2024, 3, 11});
  CHECK(local_date_at(evening, -14 * 60) == CivilDate{2024, 3, 10});

  const std::int64_t morning = 1710046800;  // 2024-03-10T05:00:00Z
  CHECK(local_date_at(morning, 0) == CivilDate{2024, 3, 10});
  CHECK(local_date_at(morning, -5 * 60) == CivilDate{2024, 3, 10});     // 00:00 local
  CHECK(local_date_at(morning, -5 * 60 - 1) == CivilDate{2024, 3, 9});  // 23:59 local
  CHECK(local_date_at(morning, -14 * 60) == CivilDate{2024, 3, 9});
}

TEST_CASE("local_date_at handles instants before 1970", "[calendar]") {
  CHECK(local_date_at(-1, 0) == CivilDate{1969, 12, 31});
  CHECK(local_date_at(-86400, 0) == CivilDate{1969, 12, 31});
  CHECK(local_date_at(-86401, 0) == CivilDate{1969, 12, 30});
  CHECK(local_date_at(0, -1) == CivilDate{1969, 12, 31});
}

TEST_CASE("parse_iso_date reads YYYY-MM-DD", "[calendar]") {
  CHECK(parse_iso_date("2024-06-15") == CivilDate{2024, 6, 15});
  CHECK(parse_iso_date("2024-02-29") == CivilDate{2024, 2, 29});
  CHECK(parse_iso_date("0001-01-01") == CivilDate{1, 1, 1});
  CHECK(parse_iso_date("9999-12-31") == CivilDate{9999, 12, 31});
}

TEST_CASE("parse_iso_date rejects anything that is not exactly a real date", "[calendar]") {
  CHECK_FALSE(parse_iso_date("").has_value());
  CHECK_FALSE(parse_iso_date("2023-02-29").has_value());  // not a leap year
  CHECK_FALSE(parse_iso_date("2024-02-30").has_value());
  CHECK_FALSE(parse_iso_date("2024-04-31").has_value());
  CHECK_FALSE(parse_iso_date("2024-13-01").has_value());
  CHECK_FALSE(parse_iso_date("2024-00-10").has_value());
  CHECK_FALSE(parse_iso_date("2024-01-00").has_value());
  CHECK_FALSE(parse_iso_date("0000-01-01").has_value());  // years start at 0001
  CHECK_FALSE(parse_iso_date("2024-1-01").has_value());
  CHECK_FALSE(parse_iso_date("2024-01-1").has_value());
  CHECK_FALSE(parse_iso_date("24-01-01").has_value());
  CHECK_FALSE(parse_iso_date("12024-01-01").has_value());
  CHECK_FALSE(parse_iso_date("2024/01/01").has_value());
  CHECK_FALSE(parse_iso_date("20240101").has_value());
  CHECK_FALSE(parse_iso_date("2024-01-01T00:00:00Z").has_value());
  CHECK_FALSE(parse_iso_date(" 2024-01-01").has_value());
  CHECK_FALSE(parse_iso_date("2024-01-01 ").has_value());
  CHECK_FALSE(parse_iso_date("+024-01-01").has_value());
  CHECK_FALSE(parse_iso_date("-024-01-01").has_value());
  CHECK_FALSE(parse_iso_date("2024-0a-01").has_value());
}

TEST_CASE("format_iso_date writes four-digit years and two-digit months and days", "[calendar]") {
  CHECK(format_iso_date({2024, 3, 5}) == "2024-03-05");
  CHECK(format_iso_date({1, 1, 1}) == "0001-01-01");
  CHECK(format_iso_date({9999, 12, 31}) == "9999-12-31");
}

TEST_CASE("format_rfc3339_utc writes YYYY-MM-DDTHH:MM:SSZ", "[calendar]") {
  CHECK(format_rfc3339_utc(0) == "1970-01-01T00:00:00Z");
  CHECK(format_rfc3339_utc(1718452800) == "2024-06-15T12:00:00Z");
  CHECK(format_rfc3339_utc(1718495999) == "2024-06-15T23:59:59Z");
  CHECK(format_rfc3339_utc(-1) == "1969-12-31T23:59:59Z");
  CHECK(format_rfc3339_utc(253402300799) == "9999-12-31T23:59:59Z");
}

TEST_CASE("parse_rfc3339_utc reads what format_rfc3339_utc writes", "[calendar]") {
  CHECK(parse_rfc3339_utc("1970-01-01T00:00:00Z") == std::int64_t{0});
  CHECK(parse_rfc3339_utc("2024-06-15T12:00:00Z") == std::int64_t{1718452800});
  CHECK(parse_rfc3339_utc("9999-12-31T23:59:59Z") == std::int64_t{253402300799});
  CHECK(parse_rfc3339_utc("1969-12-31T23:59:59Z") == std::int64_t{-1});
  for (std::int64_t t : {std::int64_t{0}, std::int64_t{1709208000}, std::int64_t{1718495999},
                         std::int64_t{-62135596800}, std::int64_t{253402300799}}) {
    CHECK(parse_rfc3339_utc(format_rfc3339_utc(t)) == t);
  }
}

TEST_CASE("parse_rfc3339_utc rejects every other spelling", "[calendar]") {
  CHECK_FALSE(parse_rfc3339_utc("").has_value());
  CHECK_FALSE(parse_rfc3339_utc("2024-06-15T12:00:00+00:00").has_value());
  CHECK_FALSE(parse_rfc3339_utc("2024-06-15T12:00:00.000Z").has_value());
  CHECK_FALSE(parse_rfc3339_utc("2024-06-15T12:00:00z").has_value());
  CHECK_FALSE(parse_rfc3339_utc("2024-06-15t12:00:00Z").has_value());
  CHECK_FALSE(parse_rfc3339_utc("2024-06-15 12:00:00Z").has_value());
  CHECK_FALSE(parse_rfc3339_utc("2024-06-15T12:00:00").has_value());
  CHECK_FALSE(parse_rfc3339_utc("2024-06-15T12:00Z").has_value());
  CHECK_FALSE(parse_rfc3339_utc("2024-06-15").has_value());
  CHECK_FALSE(parse_rfc3339_utc("2024-06-15T24:00:00Z").has_value());
  CHECK_FALSE(parse_rfc3339_utc("2024-06-15T23:60:00Z").has_value());
  CHECK_FALSE(parse_rfc3339_utc("2024-06-15T23:59:60Z").has_value());  // no leap seconds
  CHECK_FALSE(parse_rfc3339_utc("2023-02-29T12:00:00Z").has_value());
  CHECK_FALSE(parse_rfc3339_utc("2024-06-15T1a:00:00Z").has_value());
  CHECK_FALSE(parse_rfc3339_utc("2024-06-15T12-00-00Z").has_value());
}

TEST_CASE("parse_rfc3339 reads offsets, fractions and lower case", "[calendar]") {
  CHECK(parse_rfc3339("2026-01-31T10:20:30Z") == parse_rfc3339_utc("2026-01-31T10:20:30Z"));
  CHECK(parse_rfc3339("2026-01-31t10:20:30.123456789z") ==
        parse_rfc3339_utc("2026-01-31T10:20:30Z"));
  CHECK(parse_rfc3339("2026-01-31T10:20:30-05:30") == parse_rfc3339_utc("2026-01-31T15:50:30Z"));
  CHECK(parse_rfc3339("2026-01-31T10:20:30+14:00") == parse_rfc3339_utc("2026-01-30T20:20:30Z"));
  CHECK(parse_rfc3339("2026-12-31T23:59:60Z") == parse_rfc3339_utc("2026-12-31T23:59:59Z"));
}

TEST_CASE("parse_rfc3339 rejects malformed times", "[calendar]") {
  for (const char *text :
       {"", "2026-01-31", "2026-01-31T10:20Z", "2026-01-31 10:20:30Z", "2026-01-31T10:20:30",
        "2026-01-31T10:20:30.Z", "2026-01-31T10:20:30.1234567890Z", "2026-01-31T24:00:00Z",
        "2026-01-31T10:60:00Z", "2026-01-31T10:20:61Z", "2026-01-31T10:20:30+24:00",
        "2026-01-31T10:20:30+05:60", "2026-01-31T10:20:30+0530", "2026-01-31T10:20:30+05:3",
        "2026-02-30T10:20:30Z", "2026-01-31T1a:20:30Z"})
    CHECK_FALSE(parse_rfc3339(text).has_value());
}

namespace {

std::int64_t at(const char *rfc3339) {
  return *hawzu::parse_rfc3339_utc(rfc3339);
}

// Zones as the browser reports them, for 2027: the offset changes at the given instant.
hawzu::UtcOffsetAt switching(std::int64_t switch_at, int before, int after) {
  return [=](std::int64_t t) { return t < switch_at ? before : after; };
}

const hawzu::UtcOffsetAt kNewYork = [](std::int64_t t) {
  // EDT from 2027-03-14 02:00 EST to 2027-11-07 02:00 EDT.
  return t >= at("2027-03-14T07:00:00Z") && t < at("2027-11-07T06:00:00Z") ? -240 : -300;
};
const hawzu::UtcOffsetAt kSydney = [](std::int64_t t) {
  // AEST from 2027-04-04 03:00 AEDT to 2027-10-03 02:00 AEST.
  return t >= at("2027-04-03T16:00:00Z") && t < at("2027-10-02T16:00:00Z") ? 600 : 660;
};

}  // namespace

TEST_CASE("A local day starts and ends in the offset of each instant", "[calendar]") {
  using hawzu::CivilDate;
  using hawzu::end_of_local_day;
  using hawzu::format_rfc3339_utc;
  using hawzu::start_of_local_day;
  // New York, spring forward: the day starts in EST and ends in EDT (23 hours).
  CHECK(format_rfc3339_utc(start_of_local_day({2027, 3, 14}, kNewYork)) == "2027-03-14T05:00:00Z");
  CHECK(format_rfc3339_utc(end_of_local_day({2027, 3, 14}, kNewYork)) == "2027-03-15T03:59:59Z");
  // Fall back: starts in EDT, ends in EST (25 hours).
  CHECK(format_rfc3339_utc(start_of_local_day({2027, 11, 7}, kNewYork)) == "2027-11-07T04:00:00Z");
  CHECK(format_rfc3339_utc(end_of_local_day({2027, 11, 7}, kNewYork)) == "2027-11-08T04:59:59Z");
  // An ordinary day on either side.
  CHECK(format_rfc3339_utc(start_of_local_day({2027, 1, 10}, kNewYork)) == "2027-01-10T05:00:00Z");
  CHECK(format_rfc3339_utc(end_of_local_day({2027, 7, 1}, kNewYork)) == "2027-07-02T03:59:59Z");
  // Sydney, east of UTC: the local day begins the previous UTC day.
  CHECK(format_rfc3339_utc(start_of_local_day({2027, 4, 4}, kSydney)) == "2027-04-03T13:00:00Z");
  CHECK(format_rfc3339_utc(end_of_local_day({2027, 4, 4}, kSydney)) == "2027-04-04T13:59:59Z");
  CHECK(format_rfc3339_utc(start_of_local_day({2027, 10, 3}, kSydney)) == "2027-10-02T14:00:00Z");
  CHECK(format_rfc3339_utc(end_of_local_day({2027, 10, 3}, kSydney)) == "2027-10-03T12:59:59Z");
}

TEST_CASE("A local day at the extreme offsets", "[calendar]") {
  const hawzu::UtcOffsetAt kiritimati = [](std::int64_t) { return 14 * 60; };
  const hawzu::UtcOffsetAt baker = [](std::int64_t) { return -12 * 60; };
  CHECK(hawzu::format_rfc3339_utc(hawzu::start_of_local_day({2027, 1, 1}, kiritimati)) ==
        "2026-12-31T10:00:00Z");
  CHECK(hawzu::format_rfc3339_utc(hawzu::end_of_local_day({2027, 1, 1}, kiritimati)) ==
        "2027-01-01T09:59:59Z");
  CHECK(hawzu::format_rfc3339_utc(hawzu::start_of_local_day({2027, 1, 1}, baker)) ==
        "2027-01-01T12:00:00Z");
  CHECK(hawzu::format_rfc3339_utc(hawzu::end_of_local_day({2027, 1, 1}, baker)) ==
        "2027-01-02T11:59:59Z");
}

TEST_CASE("A switch at midnight: skipped or repeated midnight", "[calendar]") {
  // Forward at 00:00 -03 to 01:00 -02 (as Santiago does): the day starts at the switch.
  const auto forward = switching(at("2027-09-05T03:00:00Z"), -180, -120);
  CHECK(hawzu::format_rfc3339_utc(hawzu::start_of_local_day({2027, 9, 5}, forward)) ==
        "2027-09-05T03:00:00Z");
  CHECK(hawzu::format_rfc3339_utc(hawzu::end_of_local_day({2027, 9, 4}, forward)) ==
        "2027-09-05T02:59:59Z");
  // Back at 01:00 -02 to 00:00 -03: midnight happens twice; the day starts at the first.
  const auto back = switching(at("2027-04-04T03:00:00Z"), -120, -180);
  CHECK(hawzu::format_rfc3339_utc(hawzu::start_of_local_day({2027, 4, 4}, back)) ==
        "2027-04-04T02:00:00Z");
  CHECK(hawzu::format_rfc3339_utc(hawzu::end_of_local_day({2027, 4, 3}, back)) ==
        "2027-04-04T01:59:59Z");
  // Back at 00:00 -02 to 23:00 -03 the evening before: the next day starts an hour later.
  const auto back_over_midnight = switching(at("2027-04-04T02:00:00Z"), -120, -180);
  CHECK(hawzu::format_rfc3339_utc(hawzu::start_of_local_day({2027, 4, 4}, back_over_midnight)) ==
        "2027-04-04T03:00:00Z");
}
