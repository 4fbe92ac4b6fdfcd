// GET /api/v1/workspaces: the caller's workspaces with their role and permissions.
// Web session for now; Bearer tokens join when the Authenticator accepts them.
#include "http/json_views.h"
#include "http/routes.h"
#include "http/session_guard.h"

namespace hawzu::server {

void register_workspace_routes(RouteTable &api, App &app) {
  api.get("/api/v1/workspaces",
          [&app](const httplib::Request &request, httplib::Response &response) {
            std::optional<Principal> principal = require_web_session(app, request, response);
            if (!principal) return;
            nlohmann::json items = nlohmann::json::array();
            for (const WorkspaceView &workspace : app.workspaces->workspaces_of(*principal))
              items.push_back(workspace_json(workspace));
            send_json(response, {{"items", items}});
          });
}

}  // namespace hawzu::server
