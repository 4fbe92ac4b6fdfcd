// GET /api/v1/workspaces: the caller's workspaces with their role and permissions, for
// an access token (its one workspace) or a web session (every membership).
#include "http/api_guard.h"
#include "http/json_views.h"
#include "http/routes.h"

namespace hawzu::server {

void register_workspace_routes(RouteTable &api, App &app) {
  api.get("/api/v1/workspaces",
          [&app](const httplib::Request &request, httplib::Response &response) {
            std::optional<Principal> principal =
                require_api_principal(app, request, response, Operation::read_workspace);
            if (!principal) return;
            nlohmann::json items = nlohmann::json::array();
            for (const WorkspaceView &workspace : app.workspaces->workspaces_of(*principal))
              items.push_back(workspace_json(workspace));
            send_json(response, {{"items", items}});
          });
}

}  // namespace hawzu::server
