// The opaque `cursor` of the access-token list: where the next page starts. It encodes
// the sort, the order, and the last row's (sort value, id); base64url without padding,
// so it can go into a URL as is. A cursor only continues the ordering it came from.
// Pure functions; thread-safe.
#pragma once

#include "store/token_store.h"

#include <optional>
#include <string>
#include <string_view>

namespace hawzu::server {

inline constexpr std::size_t kMaxCursorLength = 1024;

std::string encode_list_cursor(TokenSort sort, bool descending, const ListPosition &position);

// Nullopt when `text` is not a cursor of this sort and order (or not a cursor at all).
std::optional<ListPosition> decode_list_cursor(std::string_view text, TokenSort sort,
                                               bool descending);

}  // namespace hawzu::server
