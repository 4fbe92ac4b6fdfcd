// The workspace token policy (docs/api.md#token-policy), web session:
//   GET /api/v1/workspace/{wid}/access-token-policy   read_token_policy (Owners, Managers)
//   PUT /api/v1/workspace/{wid}/access-token-policy   change_token_policy (Owners)
// Each handler: authenticate for its Operation, (body), one service call, render.
#include "http/api_guard.h"
#include "http/api_target.h"
#include "http/json_body.h"
#include "http/json_views.h"
#include "http/routes.h"
#include "services/body_request.h"

namespace hawzu::server {
namespace {

const std::string kPolicy = "/api/v1/workspace/{wid}/access-token-policy";

}  // namespace

void register_policy_routes(RouteTable &api, App &app) {
  api.get(kPolicy, [&app](const httplib::Request &request, httplib::Response &response) {
    std::optional<ApiTarget> target =
        resolve_api_target(app, request, response, Operation::read_token_policy);
    if (!target) return;
    Result<StoredPolicy> policy = app.policies->get(target->principal, target->workspace_id);
    if (!policy) return send_api_error(response, target->principal, policy.error());
    send_json(response, policy_json(policy.value()));
  });

  api.put(kPolicy, [&app](const httplib::Request &request, httplib::Response &response) {
    std::optional<ApiTarget> target =
        resolve_api_target(app, request, response, Operation::change_token_policy);
    if (!target) return;
    std::optional<nlohmann::json> body = read_json_body(request, response);
    if (!body) return;
    Result<StoredPolicy> policy = app.policies->put(target->principal, target->workspace_id,
                                                    read_body_request(*body, parse_token_policy));
    if (!policy) return send_api_error(response, target->principal, policy.error());
    send_json(response, policy_json(policy.value()));
  });
}

}  // namespace hawzu::server
