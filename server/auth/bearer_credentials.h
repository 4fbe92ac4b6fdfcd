// The Authorization header of an API request (RFC 6750 §2.1, RFC 9110 §11.6.2):
// "Bearer", one or more spaces, and the token. The scheme is case-insensitive; the
// token is returned as sent, and the Authenticator checks its format and checksum
// (is_well_formed_token) before any database work.
//
// cpp-httplib percent-decodes header values, so the text seen here may hold bytes the
// client never sent as such (a "%0A" arrives as a line feed). The token part is
// therefore accepted only when it is printable ASCII without spaces; anything else is
// no token at all. Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string_view>

namespace hawzu::server {

// The challenge values of the WWW-Authenticate header (RFC 6750 §3).
inline constexpr const char *kBearerChallenge = "Bearer realm=\"hawzu\"";
inline constexpr const char *kInvalidTokenChallenge =
    "Bearer realm=\"hawzu\", error=\"invalid_token\"";
inline constexpr const char *kInsufficientScopeChallenge =
    "Bearer realm=\"hawzu\", error=\"insufficient_scope\"";

// The token of a "Bearer <token>" header value, or nullopt when the value is another
// scheme, has no token, or holds anything but printable ASCII in the token.
// The result points into `header_value`.
std::optional<std::string_view> bearer_token_from_authorization(std::string_view header_value);

}  // namespace hawzu::server
