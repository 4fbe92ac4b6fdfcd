// The session cookie: reading it from requests and writing Set-Cookie headers
// (docs/security.md#sessions: HttpOnly; SameSite=Strict; Path=/; Secure under TLS).
//
// Under TLS its name is `__Host-hawzu_session`: browsers accept a cookie with that
// prefix only when it is Secure, has Path=/ and no Domain, so a sibling subdomain or a
// plain-http page cannot plant one (a plain `hawzu_session` is then ignored). Without
// TLS (local use) it is `hawzu_session`. A request carrying the session cookie twice
// is refused (400, session_guard.h): which one the browser meant cannot be told.
#pragma once

#include "httplib_config.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace hawzu::server {

inline constexpr std::string_view kSessionCookieName = "hawzu_session";
inline constexpr std::string_view kTlsSessionCookieName = "__Host-hawzu_session";

// kTlsSessionCookieName under TLS, else kSessionCookieName.
std::string_view session_cookie_name(bool uses_tls);

// Every value of cookies named `name` across all Cookie headers (in the order of each
// header; the headers themselves come in no particular order). At most 8 (more is not
// a browser); values are returned as sent, unvalidated.
std::vector<std::string> cookie_values(const httplib::Request &request, std::string_view name);

// Set-Cookie for a new session, living at most `max_age_seconds`.
std::string session_cookie(std::string_view value, std::int64_t max_age_seconds, bool secure);

// Set-Cookie that removes the session cookie from the browser.
std::string expired_session_cookie(bool secure);

}  // namespace hawzu::server
