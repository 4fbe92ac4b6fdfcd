// GET /api/v1/access-tokens/self (docs/product.md#hawzu-api): the calling access token's own
// details, so an external system can check which token it holds, its role and expiry,
// and the workspace it acts in. Access tokens only (Operation read_own_access_token): a
// web session gets 401 access_token_required, since a person has no calling token.
// The answer is the token object of the management API (never the secret) plus
// "workspace_id".
#include "http/api_guard.h"
#include "http/api_target.h"
#include "http/json_views.h"
#include "http/routes.h"

namespace hawzu::server {

void register_token_self_routes(RouteTable &api, App &app) {
  api.get("/api/v1/access-tokens/self",
          [&app](const httplib::Request &request, httplib::Response &response) {
            std::optional<ApiTarget> target =
                resolve_api_target(app, request, response, Operation::read_own_access_token);
            if (!target) return;
            Result<AccessToken> token = app.tokens->describe_caller(target->principal);
            if (!token) return send_api_error(response, target->principal, token.error());
            nlohmann::json body = to_json(token.value());
            body["workspace_id"] = target->principal.access_token().workspace_id;
            send_json(response, body);
          });
}

}  // namespace hawzu::server
