// The query string of GET /api/v1/workspace/{wid}/access-tokens (docs/product.md#token-management),
// read strictly: unknown or repeated parameters and bad values are field errors, so a typo
// in a filter never silently lists everything. Pure; thread-safe.
//
//   q              substring of the label, the creator's name or the identifier (what the
//                  page shows; never e-mail); a whole well-formed token is refused (400)
//   access_type    workspace | project
//   status         enabled | disabled | expired | expiring_soon (enabled, expiring within
//                  the policy's first warning window; revoked tokens are never listed)
//   created_by     a user id
//   created_from, created_to, expires_from, expires_to
//                  YYYY-MM-DD (a UTC day; "to" includes the whole day) or an RFC 3339
//                  time (with Z or an offset); bounds are inclusive
//   sort           name | access_type | created_by | created_at | expires_at | status
//                  (default created_at)
//   order          asc | desc (default desc)
//   limit          1..100 (default 50)
//   cursor         next_cursor of the previous page, with the same sort and order
#pragma once

#include "services/query_params.h"
#include "services/service_result.h"
#include "store/token_store.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace hawzu::server {

inline constexpr int kDefaultListLimit = 50;
inline constexpr int kMaxListLimit = 100;
inline constexpr std::size_t kMaxSearchLength = 200;

// Fills every member of the filter but workspace_id.
Result<TokenListFilter> parse_token_list_query(
    const std::multimap<std::string, std::string> &params);

}  // namespace hawzu::server
