// Expiry rules for access tokens (docs/product.md#create-window).
#include "shared/expiry.h"

#include <cassert>

namespace hawzu {

namespace {

constexpr std::int64_t kSecondsPerMinute = 60;

std::int64_t offset_seconds(int utc_offset_minutes) {
  return static_cast<std::int64_t>(utc_offset_minutes) * kSecondsPerMinute;
}

// The creation instant moved by `months` calendar months in the user's local time:
// same local time of day, day of month clamped to the end of a shorter month.
std::int64_t add_local_months(std::int64_t created_at_unix, int utc_offset_minutes, int months) {
  const std::int64_t local_seconds = created_at_unix + offset_seconds(utc_offset_minutes);
  // Floor division: local days before 1970 still start at local midnight.
  std::int64_t local_day = local_seconds / kSecondsPerDay;
  if (local_seconds % kSecondsPerDay != 0 && local_seconds < 0) --local_day;
  const std::int64_t second_of_day = local_seconds - local_day * kSecondsPerDay;

  const CivilDate expiry_date = add_months_clamped(civil_from_days(local_day), months);
  const std::int64_t expiry_local = days_from_civil(expiry_date) * kSecondsPerDay + second_of_day;
  return expiry_local - offset_seconds(utc_offset_minutes);
}

}  // namespace

std::string_view wire_name(ExpiryKind kind) {
  switch (kind) {
    case ExpiryKind::one_week:
      return "1w";
    case ExpiryKind::one_month:
      return "1m";
    case ExpiryKind::six_months:
      return "6m";
    case ExpiryKind::one_year:
      return "1y";
    case ExpiryKind::custom:
      return "custom";
    case ExpiryKind::never:
      return "never";
  }
  return "";
}

std::string_view display_name(ExpiryKind kind) {
  switch (kind) {
    case ExpiryKind::one_week:
      return "1 Week";
    case ExpiryKind::one_month:
      return "1 Month";
    case ExpiryKind::six_months:
      return "6 Months";
    case ExpiryKind::one_year:
      return "1 Year";
    case ExpiryKind::custom:
      return "Custom Date";
    case ExpiryKind::never:
      return "Never Expires";
  }
  return "";
}

std::optional<ExpiryKind> parse_expiry_kind(std::string_view wire) {
  for (ExpiryKind kind : all_expiry_kinds()) {
    if (wire_name(kind) == wire) return kind;
  }
  return std::nullopt;
}

const std::vector<ExpiryKind> &all_expiry_kinds() {
  static const std::vector<ExpiryKind> kinds = {ExpiryKind::one_week,   ExpiryKind::one_month,
                                                ExpiryKind::six_months, ExpiryKind::one_year,
                                                ExpiryKind::custom,     ExpiryKind::never};
  return kinds;
}

CivilDate earliest_custom_date(std::int64_t now_unix, int utc_offset_minutes) {
  return local_date_at(now_unix, utc_offset_minutes);
}

CivilDate latest_custom_date() {
  return CivilDate{9999, 12, 30};
}

std::optional<std::int64_t> compute_expires_at(const ExpiryChoice &choice,
                                               std::int64_t created_at_unix) {
  assert(choice.utc_offset_minutes >= kMinUtcOffsetMinutes &&
         choice.utc_offset_minutes <= kMaxUtcOffsetMinutes);
  assert(!choice.custom_date || is_valid_date(*choice.custom_date));
  switch (choice.kind) {
    case ExpiryKind::one_week:
      return created_at_unix + 7 * kSecondsPerDay;
    case ExpiryKind::one_month:
      return add_local_months(created_at_unix, choice.utc_offset_minutes, 1);
    case ExpiryKind::six_months:
      return add_local_months(created_at_unix, choice.utc_offset_minutes, 6);
    case ExpiryKind::one_year:
      return add_local_months(created_at_unix, choice.utc_offset_minutes, 12);
    case ExpiryKind::custom: {
      // The last second of the chosen local day.
      const CivilDate date = choice.custom_date.value_or(
          earliest_custom_date(created_at_unix, choice.utc_offset_minutes));
      const std::int64_t end_of_day_local =
          days_from_civil(date) * kSecondsPerDay + kSecondsPerDay - 1;
      return end_of_day_local - offset_seconds(choice.utc_offset_minutes);
    }
    case ExpiryKind::never:
      return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace hawzu
