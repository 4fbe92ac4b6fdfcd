// GET /api/v1/workspaces: the caller's workspaces with their role and permissions, for
// an access token (its one workspace) or a web session (every membership).
#include "http/api_guard.h"
#include "http/json_views.h"
#include "http/routes.h"

namespace hawzu::server {

void register_workspace_routes(RouteTable &api, App &app) {
  api.get(
      "/api/v1/workspaces", [&app](const httplib::Request &request, httplib::Response &response) {
        std::optional<Principal> principal =
            require_api_principal(app, request, response, Operation::read_workspace);
        if (!principal) return;
        send_json_text(response, workspace_list_text(app.workspaces->workspaces_of(*principal)));
      });
}

}  // namespace hawzu::server
