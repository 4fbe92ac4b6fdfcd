// Token usage as stored (docs/product.md#usage): the last calls of each token
// (access_token_calls) and its requests and errors per UTC day (access_token_daily_use).
// Written only by the usage recorder (services/usage_recorder.h), in batches; read by
// the usage route. Several servers may share one database: the daily counts are added
// to, never overwritten. Calls and counts of a token whose row is gone are skipped.
// Not thread-safe.
#pragma once

#include "db/database.h"
#include "shared/token_usage.h"

#include <cstdint>
#include <string>
#include <vector>

namespace hawzu::server {

class UsageStore {
 public:
  explicit UsageStore(Connection &connection) : db_(connection) {}

  void insert_call(std::int64_t token_id, const TokenCall &call);
  // Adds to the token's counts of `use.day`.
  void add_daily(std::int64_t token_id, const DailyUse &use);
  // Sets the token's last_used_ip, unless it already is `ip` (no write then).
  void set_last_used_ip(std::int64_t token_id, const std::string &ip);

  // Keeps the newest `keep_calls` calls of the token and its counts from `first_day` on.
  void prune(std::int64_t token_id, int keep_calls, std::int64_t first_day);

  // The token's newest calls, newest first; at most `limit`.
  std::vector<TokenCall> recent_calls(std::int64_t token_id, int limit);
  // The token's counts from `first_day` on, oldest first (days without calls absent).
  std::vector<DailyUse> daily_since(std::int64_t token_id, std::int64_t first_day);

 private:
  Connection &db_;
};

}  // namespace hawzu::server
