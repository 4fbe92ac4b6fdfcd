// Route registration. Each routes_*.cpp file registers one group of routes and keeps
// them thin: parse the request, call a service, render the answer.
#pragma once

#include "app.h"
#include "httplib_config.h"
#include "route_table.h"

namespace hawzu::server {

// The one unauthenticated POST that takes a large body (http_server.cpp's size limit).
inline constexpr const char *kLeakReportPath = "/api/v1/access-tokens/leaks";

// All routes, in the order they must match (API first, the web app last). API routes
// go through `api` (see route_table.h); only the static site's catch-all does not.
void register_routes(httplib::Server &server, RouteTable &api, App &app);

void register_health_routes(RouteTable &api, App &app);
void register_session_routes(RouteTable &api, App &app);
void register_workspace_routes(RouteTable &api, App &app);
void register_member_routes(RouteTable &api, App &app);
void register_audit_routes(RouteTable &api, App &app);
void register_policy_routes(RouteTable &api, App &app);
void register_webhook_routes(RouteTable &api, App &app);
void register_leak_report_routes(RouteTable &api, App &app);
void register_access_token_routes(RouteTable &api, App &app);
void register_token_self_routes(RouteTable &api, App &app);
void register_project_routes(RouteTable &api, App &app);
void register_test_case_routes(RouteTable &api, App &app);
void register_openapi_routes(RouteTable &api, App &app);
void register_static_routes(httplib::Server &server, App &app);

}  // namespace hawzu::server
