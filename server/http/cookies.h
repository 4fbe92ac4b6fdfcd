// The `hawzu_session` cookie: reading it from requests and writing Set-Cookie headers
// (docs/security.md#sessions: HttpOnly; SameSite=Strict; Path=/; Secure under TLS).
#pragma once

#include "httplib_config.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace hawzu::server {

inline constexpr std::string_view kSessionCookieName = "hawzu_session";

// Every value of cookies named `name` across all Cookie headers (in the order of each
// header; the headers themselves come in no particular order). At most 8 (more is not
// a browser); values are returned as sent, unvalidated.
std::vector<std::string> cookie_values(const httplib::Request &request, std::string_view name);

// Set-Cookie for a new session, living at most `max_age_seconds`.
std::string session_cookie(std::string_view value, std::int64_t max_age_seconds, bool secure);

// Set-Cookie that removes the session cookie from the browser.
std::string expired_session_cookie(bool secure);

}  // namespace hawzu::server
