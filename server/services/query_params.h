// What every list's query string shares (docs/api.md): parameters are read strictly, so a
// typo in a filter never silently lists everything, and times are written one way. Pure;
// thread-safe.
#pragma once

#include "shared/field_error.h"

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace hawzu::server {

using QueryParams = std::multimap<std::string, std::string>;

// A field error for each parameter that is unknown or given more than once.
FieldErrors check_query_parameters(const QueryParams &params, const std::set<std::string> &known);

// The value of a parameter given once (check_query_parameters() refuses repeats).
std::optional<std::string> query_value(const QueryParams &params, const std::string &name);

// Reads `limit` (a whole number from 1 to `max`) into `limit` when given; a field
// error when malformed. `limit` keeps its default otherwise.
void read_limit(const QueryParams &params, int max, int &limit, FieldErrors &errors);

// A date or an RFC 3339 time as Unix seconds. For a bare date, the first second of that
// UTC day, or the last one when `end_of_day`. Nullopt when malformed.
std::optional<std::int64_t> parse_date_or_time(std::string_view text, bool end_of_day);

// The field error of a malformed date_or_time parameter.
inline constexpr const char *kDateOrTimeMessage =
    "Must be a date (YYYY-MM-DD) or an RFC 3339 time (2026-01-31T12:00:00Z).";

}  // namespace hawzu::server
