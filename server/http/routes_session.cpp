// The web session (docs/product.md#web-session): POST /api/v1/session signs in, GET tells who is
// signed in, DELETE signs out. See session_guard.h for the checks in front of them.
#include "http/cookies.h"
#include "http/json_body.h"
#include "http/json_views.h"
#include "http/problem.h"
#include "http/request_context.h"
#include "http/routes.h"
#include "http/service_errors.h"
#include "http/session_guard.h"

namespace hawzu::server {

void register_session_routes(RouteTable &api, App &app) {
  api.post("/api/v1/session", [&app](const httplib::Request &request, httplib::Response &response) {
    if (!passes_web_request_checks(app, request, response)) return;
    std::optional<nlohmann::json> body = read_json_body(request, response);
    if (!body) return;
    SignInFields fields;
    if (FieldErrors errors = parse_sign_in_request(*body, fields); !errors.empty()) {
      send_problem(response, validation_problem(std::move(errors)));
      return;
    }
    // The session the browser still holds, if any, ends: a sign-in always gets a new id.
    const std::optional<std::vector<std::string>> cookies =
        single_session_cookie(app, request, response);
    if (!cookies) return;
    std::optional<Principal> previous = app.authenticator->authenticate_session(*cookies);
    Result<SignedIn> signed_in = app.auth->sign_in(
        fields, current_request_context().client_address,
        previous && previous->user() ? previous->user()->session_id : std::nullopt);
    if (!signed_in) {
      send_service_error(response, signed_in.error());
      return;
    }
    const Principal &principal = signed_in.value().principal;
    current_request_context().principal = principal.log_name();
    response.set_header("Set-Cookie", session_cookie(signed_in.value().cookie_value.view(),
                                                     app.sessions->policy().absolute_seconds,
                                                     current_request_context().https));
    send_json(response, session_json(principal, app.workspaces->workspaces_of(principal)));
  });

  api.get("/api/v1/session", [&app](const httplib::Request &request, httplib::Response &response) {
    std::optional<Principal> principal = require_web_session(app, request, response);
    if (!principal) return;
    send_json(response, session_json(*principal, app.workspaces->workspaces_of(*principal)));
  });

  api.del("/api/v1/session", [&app](const httplib::Request &request, httplib::Response &response) {
    std::optional<Principal> principal = require_web_session(app, request, response);
    if (!principal) return;
    app.auth->sign_out(*principal, current_request_context().client_address);
    response.set_header("Set-Cookie", expired_session_cookie(current_request_context().https));
    response.status = 204;
  });
}

}  // namespace hawzu::server
