// GET /api/v1/health: for load balancers and monitors. No authentication, no database
// work, so it stays cheap and tells whether the process serves requests.
#include "routes.h"

namespace hawzu::server {

void register_health_routes(RouteTable &api, App &) {
  api.get("/api/v1/health", [](const httplib::Request &, httplib::Response &response) {
    response.set_content(R"({"status":"ok"})", "application/json");
  });
}

}  // namespace hawzu::server
