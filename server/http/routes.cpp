#include "routes.h"

namespace hawzu::server {

void register_routes(httplib::Server &server, RouteTable &api, App &app) {
  register_health_routes(api, app);
  register_session_routes(api, app);
  register_workspace_routes(api, app);
  register_member_routes(api, app);
  register_audit_routes(api, app);
  register_policy_routes(api, app);
  register_webhook_routes(api, app);
  register_leak_report_routes(api, app);
  register_access_token_routes(api, app);
  register_token_self_routes(api, app);
  register_project_routes(api, app);
  register_test_case_routes(api, app);
  register_openapi_routes(api, app);
  // Must stay last: it answers every GET the API routes did not take.
  register_static_routes(server, app);
}

}  // namespace hawzu::server
