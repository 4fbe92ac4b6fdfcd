#include "web/url_query.h"

#include "web/platform/page.h"

#include <cstdio>

namespace hawzu {

std::string percent_encode(const std::string &text) {
  std::string encoded;
  for (unsigned char c : text) {
    const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                            (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~';
    if (unreserved) {
      encoded += static_cast<char>(c);
    } else {
      char escape[4];
      std::snprintf(escape, sizeof escape, "%%%02X", c);
      encoded += escape;
    }
  }
  return encoded;
}

// "2026-11-28T00:00:00+01:00" for the first (or last) second of the local day `date`,
// each end in the offset in effect at that instant: on a day with a daylight-saving
// switch the two ends have different offsets.
std::string local_instant(const CivilDate &date, bool end_of_day) {
  const UtcOffsetAt offset_at = [](std::int64_t t) {
    return platform::local_utc_offset_minutes(t);
  };
  const std::int64_t instant =
      end_of_day ? end_of_local_day(date, offset_at) : start_of_local_day(date, offset_at);
  const int offset = offset_at(instant);
  const std::int64_t local = instant + std::int64_t{offset} * 60;
  const std::int64_t second_of_day = ((local % 86400) + 86400) % 86400;
  const CivilDate local_day = local_date_at(instant, offset);
  const int magnitude = offset < 0 ? -offset : offset;
  char text[48];
  std::snprintf(text, sizeof text, "%sT%02d:%02d:%02d%c%02d:%02d",
                format_iso_date(local_day).c_str(), static_cast<int>(second_of_day / 3600),
                static_cast<int>(second_of_day / 60 % 60), static_cast<int>(second_of_day % 60),
                offset < 0 ? '-' : '+', magnitude / 60, magnitude % 60);
  return text;
}

}  // namespace hawzu
