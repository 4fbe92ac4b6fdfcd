// Builds the cpp-httplib server: limits, the guards every request passes before
// routing, security headers, error and exception handling, the access log, and the
// routes. HTTP concerns only; the rules live in the services the routes call.
#pragma once

#include "app.h"
#include "httplib_config.h"
#include "route_table.h"
#include "services/leak_report_request.h"

#include <cstddef>
#include <memory>

namespace hawzu::server {

// Limits set at start-up (docs/security.md#http-hardening).
struct HttpLimits {
  std::size_t max_body_bytes = 64 * 1024;                   // 413 above
  std::size_t max_leak_report_bytes = kMaxLeakReportBytes;  // POST /api/v1/access-tokens/leaks
  int read_timeout_seconds = 10;                            // a slow client gets 408 / is dropped
  int write_timeout_seconds = 10;
  int keep_alive_timeout_seconds = 5;  // short: each pool thread serves one connection
  std::size_t keep_alive_max_requests = 1000;
  // Availability under slow and many clients (guarded_server.h):
  int request_deadline_seconds = 10;            // the whole head and body of one request
  std::size_t max_connections_per_client = 32;  // per client address; 503 above
  std::size_t worker_threads = 128;             // one per connection being served
  std::size_t max_queued_connections = 256;     // waiting for a worker; 503 above
};

// The server for `app` (HTTPS when app.options.uses_tls()) with all routes registered.
struct HttpServer {
  std::unique_ptr<httplib::Server> server;
  std::unique_ptr<RouteTable> api_routes;  // what the API answers, for the OpenAPI check
};

// Returns an empty server and sets `error` when TLS files cannot be loaded.
HttpServer make_http_server(App &app, const HttpLimits &limits, std::string &error);

}  // namespace hawzu::server
