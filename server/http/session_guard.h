// The checks in front of the web-session routes (/api/v1/session and the access-token
// management routes), in this order:
//
//   1. Any Authorization header → 403 session_required. An access token never
//      reaches these routes, whatever it is (docs/product.md#token-management).
//   2. State-changing methods (POST, PATCH, PUT, DELETE) → cross-site request checks
//      (docs/security.md#sessions): `X-Requested-With: hawzu-web` exactly once, and an `Origin`
//      header, when sent, equal to this server's own origin (the scheme it serves and
//      the Host header) → else 403 csrf_rejected. A body must be JSON: the pre-routing
//      guard already answers 415 otherwise. The custom header forces a CORS preflight,
//      which this server never grants, so a foreign page cannot send it.
//   3. The session cookie (cookies.h: `__Host-hawzu_session` under TLS) sent twice →
//      400 duplicate_session_cookie. Then a live session from it → else 401
//      unauthenticated (and the browser is told to drop a cookie that no longer works).
//
// On success the request context's principal is set for the access log.
#pragma once

#include "app.h"
#include "auth/principal.h"
#include "httplib_config.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hawzu::server {

// Steps 1 and 2. Returns false after sending the refusal.
bool passes_web_request_checks(const App &app, const httplib::Request &request,
                               httplib::Response &response);

// How step 3's 401 reads. The web-session routes use the defaults; the API routes, which
// also take access tokens (api_guard.h), name the token too and send the Bearer challenge.
struct NoSessionAnswer {
  std::string_view detail_without_cookie = "Sign in first.";
  const char *www_authenticate = nullptr;  // no WWW-Authenticate header when null
};

// Steps 1 to 3. Returns nullopt after sending the refusal. The one session check: the
// API guard calls it too.
std::optional<Principal> require_web_session(App &app, const httplib::Request &request,
                                             httplib::Response &response,
                                             const NoSessionAnswer &answer = {});

// The values of the session cookie in `request` (at most one is accepted). When there
// are two or more, sends 400 duplicate_session_cookie and returns nullopt.
std::optional<std::vector<std::string>> single_session_cookie(const App &app,
                                                              const httplib::Request &request,
                                                              httplib::Response &response);

// The origin a browser sends for pages of this server: "http://host:port" from the
// scheme and the Host header, lower-cased, default port dropped. Empty without Host.
std::string own_origin(const httplib::Request &request, bool uses_tls);

// `origin` normalised the same way (lower case, no default port).
std::string normalise_origin(std::string_view origin);

}  // namespace hawzu::server
