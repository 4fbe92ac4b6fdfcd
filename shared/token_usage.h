// A token's usage as the API returns it (GET .../access-tokens/{tid}/usage,
// docs/api.md#token-usage): its last calls, newest first, and its requests and errors per
// UTC day, oldest first, every day of the window present (zero when unused). JSON
// conversion used by the server to render it and by the web app to read it.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hawzu {

// How many calls per token are kept, and how many UTC days of counts (today included).
inline constexpr int kUsageRecentCalls = 100;
inline constexpr int kUsageDays = 30;

struct TokenCall {
  std::int64_t time = 0;  // Unix seconds
  std::string method;     // "GET"
  std::string route;      // the route template: "/api/v1/workspace/{wid}/projects"
  int status = 0;
  std::string ip;
  std::string user_agent;  // valid UTF-8, bounded (may be empty)
};

struct DailyUse {
  std::int64_t day = 0;  // days since 1970-01-01 (UTC)
  std::int64_t requests = 0;
  std::int64_t errors = 0;  // answers with status 400 or above
};

struct TokenUsage {
  std::vector<TokenCall> recent;  // newest first
  std::vector<DailyUse> daily;    // oldest first
};

// The UTC day of a Unix time, as days since 1970-01-01.
std::int64_t utc_day(std::int64_t unix_seconds);

// `counts` (any order, any days) spread over the kUsageDays days ending with `today`:
// oldest first, missing days as zeros, days outside the window left out.
std::vector<DailyUse> usage_window(const std::vector<DailyUse> &counts, std::int64_t today);

// {"recent":[{"time","method","route","status","ip","user_agent"}],
//  "daily":[{"date":"YYYY-MM-DD","requests","errors"}]}
nlohmann::json to_json(const TokenUsage &usage);
// Nullopt when `json` is not a well-formed usage object.
std::optional<TokenUsage> token_usage_from_json(const nlohmann::json &json);

}  // namespace hawzu
