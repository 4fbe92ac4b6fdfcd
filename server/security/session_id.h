// Web session ids (docs/security.md#sessions): 32 random bytes, sent to the browser as
// 43 base64url characters in the `hawzu_session` cookie. The database keeps only the
// BLAKE2b-256 hash, so a copy of the sessions table cannot be turned into cookies.
// Pure functions apart from the random bytes; thread-safe.
#pragma once

#include "security/secret_string.h"

#include <array>
#include <optional>
#include <string_view>

namespace hawzu::server {

inline constexpr std::size_t kSessionIdBytes = 32;
inline constexpr std::size_t kSessionCookieValueLength = 43;  // base64url, no padding

using SessionIdHash = std::array<unsigned char, 32>;

struct NewSessionId {
  SecretString cookie_value;  // for Set-Cookie only
  SessionIdHash hash;         // for the database
};

NewSessionId new_session_id();

// The hash of a cookie value, or nullopt when the value is not exactly 43 base64url
// characters that decode to 32 bytes. Checked before any database work (the value
// comes from a header the HTTP library has percent-decoded).
std::optional<SessionIdHash> session_id_hash_from_cookie(std::string_view cookie_value);

}  // namespace hawzu::server
