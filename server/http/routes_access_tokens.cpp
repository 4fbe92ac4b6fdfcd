// Access-token management (docs/product.md#token-management), web session only:
//   GET    /api/v1/workspace/{wid}/access-tokens/options
//   GET    /api/v1/workspace/{wid}/access-tokens
//   POST   /api/v1/workspace/{wid}/access-tokens
//   GET    /api/v1/workspace/{wid}/access-tokens/{tid}
//   GET    /api/v1/workspace/{wid}/access-tokens/{tid}/usage
//   PATCH  /api/v1/workspace/{wid}/access-tokens/{tid}
//   POST   /api/v1/workspace/{wid}/access-tokens/{tid}/disable
//   POST   /api/v1/workspace/{wid}/access-tokens/{tid}/enable
//   POST   /api/v1/workspace/{wid}/access-tokens/{tid}/rotate
//   DELETE /api/v1/workspace/{wid}/access-tokens/{tid}
// Each handler: session guard, path ids, (body), one service call, render.
#include "http/json_body.h"
#include "http/json_views.h"
#include "http/path_params.h"
#include "http/problem.h"
#include "http/routes.h"
#include "http/service_errors.h"
#include "http/session_guard.h"
#include "services/token_list_query.h"

#include <sodium.h>

namespace hawzu::server {
namespace {

const std::string kTokens = "/api/v1/workspace/{wid}/access-tokens";
const std::string kToken = kTokens + "/{tid}";

// What every handler here starts with: who is asking, about which workspace (and
// token). Nullopt after a refusal was sent.
struct Target {
  Principal principal;
  std::int64_t workspace_id = 0;
  std::int64_t token_id = 0;
};

std::optional<Target> resolve(App &app, const httplib::Request &request,
                              httplib::Response &response, bool with_token) {
  std::optional<Principal> principal = require_web_session(app, request, response);
  if (!principal) return std::nullopt;
  std::optional<std::int64_t> workspace_id = path_id(request, "wid");
  std::optional<std::int64_t> token_id =
      with_token ? path_id(request, "tid") : std::optional<std::int64_t>(0);
  if (!workspace_id || !token_id) {
    send_problem(response, problem_for_status(404));
    return std::nullopt;
  }
  return Target{std::move(*principal), *workspace_id, *token_id};
}

void send_token(httplib::Response &response, const Result<AccessToken> &result) {
  if (!result) return send_service_error(response, result.error());
  send_json(response, to_json(result.value()));
}

// The 201 body of create and rotate, assembled around the secret so that the response body is the
// only other copy made of it (no JSON tree holds it). Base62 needs no JSON escaping.
std::string created_body(const CreatedToken &created) {
  const std::string object =
      to_json(created.access_token).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  std::string body;
  body.reserve(object.size() + created.token.size() + 32);
  body.append("{\"token\":\"").append(created.token.view()).append("\",\"access_token\":");
  body.append(object).append("}");
  return body;
}

}  // namespace

void register_access_token_routes(RouteTable &api, App &app) {
  // Before {tid}: "options" is not an id, but the order keeps the intent plain.
  api.get(
      kTokens + "/options", [&app](const httplib::Request &request, httplib::Response &response) {
        std::optional<Target> target = resolve(app, request, response, false);
        if (!target) return;
        Result<TokenOptions> options = app.tokens->options(target->principal, target->workspace_id);
        if (!options) return send_service_error(response, options.error());
        send_json(response, token_options_json(options.value()));
      });

  api.get(kTokens, [&app](const httplib::Request &request, httplib::Response &response) {
    std::optional<Target> target = resolve(app, request, response, false);
    if (!target) return;
    Result<TokenListFilter> filter = parse_token_list_query(request.params);
    if (!filter) return send_service_error(response, filter.error());
    Result<TokenPage> page =
        app.tokens->list(target->principal, target->workspace_id, std::move(filter.value()));
    if (!page) return send_service_error(response, page.error());
    nlohmann::json items = nlohmann::json::array();
    for (const AccessToken &token : page.value().tokens) items.push_back(to_json(token));
    send_json(response,
              {{"items", items},
               {"next_cursor", page.value().next_cursor ? nlohmann::json(*page.value().next_cursor)
                                                        : nlohmann::json(nullptr)}});
  });

  api.post(kTokens, [&app](const httplib::Request &request, httplib::Response &response) {
    std::optional<Target> target = resolve(app, request, response, false);
    if (!target) return;
    std::optional<nlohmann::json> body = read_json_body(request, response);
    if (!body) return;
    Result<CreatedToken> created = app.tokens->create(target->principal, target->workspace_id,
                                                      read_token_create_request(*body));
    if (!created) return send_service_error(response, created.error());
    // Cache-Control: no-store is on every /api answer (http_server.cpp).
    response.status = 201;
    response.set_content(created_body(created.value()), "application/json");  // moved in
  });

  api.get(kToken, [&app](const httplib::Request &request, httplib::Response &response) {
    std::optional<Target> target = resolve(app, request, response, true);
    if (!target) return;
    send_token(response,
               app.tokens->get(target->principal, target->workspace_id, target->token_id));
  });

  api.get(kToken + "/usage", [&app](const httplib::Request &request, httplib::Response &response) {
    std::optional<Target> target = resolve(app, request, response, true);
    if (!target) return;
    Result<TokenUsage> usage =
        app.tokens->usage(target->principal, target->workspace_id, target->token_id);
    if (!usage) return send_service_error(response, usage.error());
    send_json(response, to_json(usage.value()));
  });

  api.patch(kToken, [&app](const httplib::Request &request, httplib::Response &response) {
    std::optional<Target> target = resolve(app, request, response, true);
    if (!target) return;
    std::optional<nlohmann::json> body = read_json_body(request, response);
    if (!body) return;
    send_token(response, app.tokens->edit(target->principal, target->workspace_id, target->token_id,
                                          read_token_edit_request(*body)));
  });

  api.post(
      kToken + "/disable", [&app](const httplib::Request &request, httplib::Response &response) {
        std::optional<Target> target = resolve(app, request, response, true);
        if (!target) return;
        send_token(response,
                   app.tokens->disable(target->principal, target->workspace_id, target->token_id));
      });

  api.post(
      kToken + "/enable", [&app](const httplib::Request &request, httplib::Response &response) {
        std::optional<Target> target = resolve(app, request, response, true);
        if (!target) return;
        send_token(response,
                   app.tokens->enable(target->principal, target->workspace_id, target->token_id));
      });

  api.post(kToken + "/rotate",
           [&app](const httplib::Request &request, httplib::Response &response) {
             std::optional<Target> target = resolve(app, request, response, true);
             if (!target) return;
             std::optional<nlohmann::json> body = read_json_body(request, response);
             if (!body) return;
             Result<CreatedToken> rotated =
                 app.tokens->rotate(target->principal, target->workspace_id, target->token_id,
                                    read_token_rotate_request(*body));
             if (!rotated) return send_service_error(response, rotated.error());
             // Cache-Control: no-store is on every /api answer (http_server.cpp).
             response.status = 201;
             response.set_content(created_body(rotated.value()), "application/json");
           });

  api.del(kToken, [&app](const httplib::Request &request, httplib::Response &response) {
    std::optional<Target> target = resolve(app, request, response, true);
    if (!target) return;
    Result<Done> revoked =
        app.tokens->revoke(target->principal, target->workspace_id, target->token_id);
    if (!revoked) return send_service_error(response, revoked.error());
    response.status = 204;
  });
}

}  // namespace hawzu::server
