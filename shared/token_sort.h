// The sort vocabulary of the access-token list (docs/product.md#token-management): the fields the
// list can be ordered by and the two directions, as the web app sends them in `sort` and `order`
// and the server reads them. One table, so the two halves cannot spell them differently.
// Pure; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace hawzu {

enum class TokenSort { name, access_type, created_by, created_at, expires_at, status };

inline constexpr TokenSort kDefaultTokenSort = TokenSort::created_at;
inline constexpr bool kDefaultSortDescending = true;

std::string_view wire_name(TokenSort sort);  // "name", "access_type", ..., "status"
std::optional<TokenSort> parse_token_sort(std::string_view wire);
std::string token_sort_values_message();  // "Must be one of: name, ..., status."

std::string_view sort_order_wire_name(bool descending);  // "desc" | "asc"
// True for "desc", false for "asc", nullopt for anything else.
std::optional<bool> parse_sort_order_descending(std::string_view wire);

}  // namespace hawzu
