#include "web/token_list_query.h"

#include "shared/token_sort.h"
#include "web/platform/page.h"

#include <cstdio>

namespace hawzu {
namespace {

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

// "2026-11-28T00:00:00+01:00" for the local start (or end) of `date`.
std::string local_instant(const CivilDate &date, bool end_of_day) {
  const std::int64_t midnight_utc = days_from_civil(date) * 86400;
  const int offset = platform::local_utc_offset_minutes(midnight_utc + 43200);
  const int magnitude = offset < 0 ? -offset : offset;
  char text[40];
  std::snprintf(text, sizeof text, "%sT%s%c%02d:%02d", format_iso_date(date).c_str(),
                end_of_day ? "23:59:59" : "00:00:00", offset < 0 ? '-' : '+', magnitude / 60,
                magnitude % 60);
  return text;
}

}  // namespace

std::string to_query_string(const TokenListQuery &query, const std::string &cursor) {
  std::string text = "limit=" + std::to_string(kTokenPageSize);
  const auto add = [&](const char *name, const std::string &value) {
    text += std::string("&") + name + "=" + percent_encode(value);
  };
  const std::string search = trim_token_name(query.search);
  if (!search.empty()) add("q", search);
  if (query.access_type) add("access_type", std::string(wire_name(*query.access_type)));
  if (query.status) add("status", std::string(wire_name(*query.status)));
  if (query.created_by) add("created_by", std::to_string(*query.created_by));
  if (query.created.from) add("created_from", local_instant(*query.created.from, false));
  if (query.created.to) add("created_to", local_instant(*query.created.to, true));
  if (query.expires.from) add("expires_from", local_instant(*query.expires.from, false));
  if (query.expires.to) add("expires_to", local_instant(*query.expires.to, true));
  add("sort", std::string(wire_name(query.sort)));
  add("order", std::string(sort_order_wire_name(query.descending)));
  if (!cursor.empty()) add("cursor", cursor);
  return text;
}

}  // namespace hawzu
