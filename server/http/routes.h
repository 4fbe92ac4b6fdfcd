// Route registration. Each routes_*.cpp file registers one group of routes and keeps
// them thin: parse the request, call a service, render the answer.
#pragma once

#include "app.h"
#include "httplib_config.h"

namespace hawzu::server {

// All routes, in the order they must match (API first, the web app last).
void register_routes(httplib::Server &server, App &app);

void register_health_routes(httplib::Server &server, App &app);
void register_static_routes(httplib::Server &server, App &app);

}  // namespace hawzu::server
