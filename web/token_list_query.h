// The list's URL query (docs/product.md#token-management: q, access_type, status, created_by, the
// date ranges, sort, order, limit, cursor) for what the person chose in the toolbar.
#pragma once

#include "web/ui_state.h"

#include <string>

namespace hawzu {

inline constexpr int kTokenPageSize = 100;

// Date ranges are the person's local days, sent as RFC 3339 instants with the local
// offset of each instant: from the first second of `from` to the last of `to` (on a
// day with a daylight-saving switch the two ends have different offsets). A search
// that is a whole well-formed token is sent as the token's identifier only.
std::string to_query_string(const TokenListQuery &query, const std::string &cursor);

}  // namespace hawzu
