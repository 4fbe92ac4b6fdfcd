// Expiry choices and how they map to instants (docs/product.md#create-window).
#include "shared/expiry.h"

#include <catch2/catch.hpp>

using namespace hawzu;

namespace {

// The expiry instant of `kind` for a token created at `created_at`, as RFC 3339 text,
// or "never".
std::string expires_at_text(ExpiryKind kind, std::int64_t created_at, int utc_offset_minutes) {
  ExpiryChoice choice;
  choice.kind = kind;
  choice.utc_offset_minutes = utc_offset_minutes;
  const std::optional<std::int64_t> expires_at = compute_expires_at(choice, created_at);
  return expires_at ? format_rfc3339_utc(*expires_at) : "never";
}

std::string custom_expires_at_text(CivilDate date, int utc_offset_minutes) {
  ExpiryChoice choice;
  choice.kind = ExpiryKind::custom;
  choice.custom_date = date;
  choice.utc_offset_minutes = utc_offset_minutes;
  const std::optional<std::int64_t> expires_at = compute_expires_at(choice, 1718452800);
  return expires_at ? format_rfc3339_utc(*expires_at) : "never";
}

}  // namespace

TEST_CASE("Expiry kinds have wire and display names", "[expiry]") {
  CHECK(wire_name(ExpiryKind::one_week) == "1w");
  CHECK(wire_name(ExpiryKind::one_month) == "1m");
  CHECK(wire_name(ExpiryKind::six_months) == "6m");
  CHECK(wire_name(ExpiryKind::one_year) == "1y");
  CHECK(wire_name(ExpiryKind::custom) == "custom");
  CHECK(wire_name(ExpiryKind::never) == "never");

  CHECK(display_name(ExpiryKind::one_week) == "1 Week");
  CHECK(display_name(ExpiryKind::one_month) == "1 Month");
  CHECK(display_name(ExpiryKind::six_months) == "6 Months");
  CHECK(display_name(ExpiryKind::one_year) == "1 Year");
  CHECK(display_name(ExpiryKind::custom) == "Custom Date");
  CHECK(display_name(ExpiryKind::never) == "Never Expires");
}

TEST_CASE("Expiry kinds parse from their wire names only", "[expiry]") {
  for (ExpiryKind kind : all_expiry_kinds()) CHECK(parse_expiry_kind(wire_name(kind)) == kind);
  CHECK_FALSE(parse_expiry_kind("").has_value());
  CHECK_FALSE(parse_expiry_kind("2w").has_value());
  CHECK_FALSE(parse_expiry_kind("1W").has_value());
  CHECK_FALSE(parse_expiry_kind("1 Week").has_value());
  CHECK_FALSE(parse_expiry_kind("Never").has_value());
}

TEST_CASE("The expiry picker offers 1 Week first and Never last", "[expiry]") {
  CHECK(all_expiry_kinds() == std::vector<ExpiryKind>{ExpiryKind::one_week, ExpiryKind::one_month,
                                                      ExpiryKind::six_months, ExpiryKind::one_year,
                                                      ExpiryKind::custom, ExpiryKind::never});
  CHECK(ExpiryChoice{}.kind == ExpiryKind::one_week);  // the default
}

TEST_CASE("1 Week is exactly seven days after creation in any offset", "[expiry]") {
  const std::int64_t created = 1718452800;  // 2024-06-15T12:00:00Z
  ExpiryChoice choice;
  choice.kind = ExpiryKind::one_week;
  CHECK(compute_expires_at(choice, created) == created + 7 * 86400);
  choice.utc_offset_minutes = 14 * 60;
  CHECK(compute_expires_at(choice, created) == created + 7 * 86400);
  choice.utc_offset_minutes = -14 * 60;
  CHECK(compute_expires_at(choice, created) == created + 7 * 86400);
}

TEST_CASE("1 Month keeps the time of day and clamps to the end of February", "[expiry]") {
  // 2023-01-31T10:00:00Z: non-leap year.
  CHECK(expires_at_text(ExpiryKind::one_month, 1675159200, 0) == "2023-02-28T10:00:00Z");
  // 2024-01-31T10:00:00Z: leap year.
  CHECK(expires_at_text(ExpiryKind::one_month, 1706695200, 0) == "2024-02-29T10:00:00Z");
}

TEST_CASE("1 Month from December ends in January of the next year", "[expiry]") {
  // 2023-12-15T08:00:00Z
  CHECK(expires_at_text(ExpiryKind::one_month, 1702627200, 0) == "2024-01-15T08:00:00Z");
}

TEST_CASE("6 Months clamps to the end of a shorter month", "[expiry]") {
  // 2024-08-31T00:00:00Z → February 2025 has 28 days.
  CHECK(expires_at_text(ExpiryKind::six_months, 1725062400, 0) == "2025-02-28T00:00:00Z");
  // 2024-06-15T12:00:00Z
  CHECK(expires_at_text(ExpiryKind::six_months, 1718452800, 0) == "2024-12-15T12:00:00Z");
}

TEST_CASE("1 Year from Feb 29 ends on Feb 28", "[expiry]") {
  // 2024-02-29T12:00:00Z
  CHECK(expires_at_text(ExpiryKind::one_year, 1709208000, 0) == "2025-02-28T12:00:00Z");
  // 2024-06-15T12:00:00Z
  CHECK(expires_at_text(ExpiryKind::one_year, 1718452800, 0) == "2025-06-15T12:00:00Z");
}

TEST_CASE("Calendar months count in the user's local time", "[expiry]") {
  // 2023-02-28T23:30:00Z is 2023-03-01 00:30 at UTC+01:00: one month later is
  // 2023-04-01 00:30 local, that is 2023-03-31T23:30:00Z. Counted in UTC it would
  // have been March 28.
  CHECK(expires_at_text(ExpiryKind::one_month, 1677627000, 60) == "2023-03-31T23:30:00Z");
  CHECK(expires_at_text(ExpiryKind::one_month, 1677627000, 0) == "2023-03-28T23:30:00Z");
}

TEST_CASE("6 Months and 1 Year also count in the user's local time", "[expiry]") {
  // 2024-03-30T23:30:00Z is 2024-03-31 00:30 at UTC+01:00; six months later is
  // 2024-09-30 00:30 local (clamped), that is 2024-09-29T23:30:00Z.
  CHECK(expires_at_text(ExpiryKind::six_months, 1711841400, 60) == "2024-09-29T23:30:00Z");
  CHECK(expires_at_text(ExpiryKind::six_months, 1711841400, 0) == "2024-09-30T23:30:00Z");
  // 2023-02-28T23:30:00Z is 2023-03-01 00:30 at UTC+01:00; a year later is
  // 2024-03-01 00:30 local, that is 2024-02-29T23:30:00Z.
  CHECK(expires_at_text(ExpiryKind::one_year, 1677627000, 60) == "2024-02-29T23:30:00Z");
  CHECK(expires_at_text(ExpiryKind::one_year, 1677627000, 0) == "2024-02-28T23:30:00Z");
}

TEST_CASE("Calendar months at UTC+14:00 start from the local date", "[expiry]") {
  // 2024-01-30T23:30:00Z is already 2024-01-31 13:30 at UTC+14:00. One month later is
  // 2024-02-29 13:30 local (clamped), that is 2024-02-28T23:30:00Z.
  CHECK(expires_at_text(ExpiryKind::one_month, 1706657400, 14 * 60) == "2024-02-28T23:30:00Z");
  CHECK(expires_at_text(ExpiryKind::one_month, 1706657400, 0) == "2024-02-29T23:30:00Z");
}

TEST_CASE("Calendar months at UTC-14:00 start from the local date", "[expiry]") {
  // 2024-03-01T05:00:00Z is still 2024-02-29 15:00 at UTC-14:00. One month later is
  // 2024-03-29 15:00 local, that is 2024-03-30T05:00:00Z.
  CHECK(expires_at_text(ExpiryKind::one_month, 1709269200, -14 * 60) == "2024-03-30T05:00:00Z");
  CHECK(expires_at_text(ExpiryKind::one_month, 1709269200, 0) == "2024-04-01T05:00:00Z");
  // A year later from local Feb 29 is local Feb 28: 2025-02-28 15:00 local.
  CHECK(expires_at_text(ExpiryKind::one_year, 1709269200, -14 * 60) == "2025-03-01T05:00:00Z");
}

TEST_CASE("Custom Date expires at the end of that local day", "[expiry]") {
  CHECK(custom_expires_at_text({2024, 6, 15}, 0) == "2024-06-15T23:59:59Z");
  CHECK(custom_expires_at_text({2024, 6, 15}, 120) == "2024-06-15T21:59:59Z");
  CHECK(custom_expires_at_text({2024, 6, 15}, -300) == "2024-06-16T04:59:59Z");
  CHECK(custom_expires_at_text({2024, 6, 15}, 14 * 60) == "2024-06-15T09:59:59Z");
  CHECK(custom_expires_at_text({2024, 6, 15}, -14 * 60) == "2024-06-16T13:59:59Z");
  CHECK(custom_expires_at_text({2024, 2, 29}, 0) == "2024-02-29T23:59:59Z");
}

TEST_CASE("The latest custom date still formats with a four-digit year", "[expiry]") {
  CHECK(latest_custom_date() == CivilDate{9999, 12, 30});
  CHECK(custom_expires_at_text(latest_custom_date(), -14 * 60) == "9999-12-31T13:59:59Z");
  CHECK(custom_expires_at_text(latest_custom_date(), 14 * 60) == "9999-12-30T09:59:59Z");
}

TEST_CASE("Never Expires has no expiry instant", "[expiry]") {
  CHECK(expires_at_text(ExpiryKind::never, 1718452800, 0) == "never");
  CHECK(expires_at_text(ExpiryKind::never, 1718452800, 14 * 60) == "never");
}

TEST_CASE("The earliest custom date is today in the user's offset", "[expiry]") {
  const std::int64_t late_evening = 1718494200;  // 2024-06-15T23:30:00Z
  CHECK(earliest_custom_date(late_evening, 0) == CivilDate{2024, 6, 15});
  // At UTC+14:00 it is already 13:30 the next day.
  CHECK(earliest_custom_date(late_evening, 14 * 60) == CivilDate{2024, 6, 16});

  const std::int64_t early_morning = 1718427600;  // 2024-06-15T05:00:00Z
  CHECK(earliest_custom_date(early_morning, 0) == CivilDate{2024, 6, 15});
  // At UTC-14:00 it is still 15:00 the day before.
  CHECK(earliest_custom_date(early_morning, -14 * 60) == CivilDate{2024, 6, 14});
}

TEST_CASE("A token is expired only after its last valid second", "[expiry]") {
  const std::int64_t expires_at = 1718495999;  // 2024-06-15T23:59:59Z
  CHECK_FALSE(is_expired(expires_at, expires_at - 1));
  CHECK_FALSE(is_expired(expires_at, expires_at));
  CHECK(is_expired(expires_at, expires_at + 1));
  CHECK_FALSE(is_expired(std::nullopt, 253402300799));
}
