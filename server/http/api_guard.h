// The checks in front of every Hawzu API resource route (docs/product.md#hawzu-api),
// which answer to an access token or to a web session. Which of the two a route accepts
// follows from the rule of its Operation (auth/authorization.h). In this order:
//
//   1. An Authorization header: it must carry a Bearer token that the Authenticator
//      accepts (format and checksum, then the keyed-hash lookup, status, expiry), else
//      401 invalid_token with `WWW-Authenticate: Bearer realm="hawzu",
//      error="invalid_token"`. A session cookie sent along is ignored: the request is
//      judged by the credential it names explicitly. A route for web sessions only
//      answers 403 session_required.
//   2. No Authorization header, and the operation accepts a web session: the session
//      guard's cross-site checks for state-changing methods (403 csrf_rejected), then a
//      live session from the `hawzu_session` cookie.
//   3. Nothing usable: 401 with `WWW-Authenticate: Bearer realm="hawzu"` (for a route
//      that answers only to access tokens, code access_token_required).
//
// On success the request context's principal is set for the access log ("token:" and
// the public identifier, or "user:" and the id). A Bearer token the server identifies
// (it authenticated, or it is disabled or expired) is noted there too, for token usage
// (http/usage_capture.h); a route for web sessions only refuses a token before it is
// looked up, so such requests name no token.
#pragma once

#include "app.h"
#include "auth/authorization.h"
#include "auth/principal.h"
#include "httplib_config.h"
#include "services/service_result.h"

#include <optional>

namespace hawzu::server {

// The caller, or nullopt after the refusal was sent.
std::optional<Principal> require_api_principal(App &app, const httplib::Request &request,
                                               httplib::Response &response, Operation operation);

// A service's refusal as the answer to an API request. A 403 to an access token also
// carries `WWW-Authenticate: Bearer realm="hawzu", error="insufficient_scope"`.
void send_api_error(httplib::Response &response, const Principal &principal,
                    const ServiceError &error);

}  // namespace hawzu::server
