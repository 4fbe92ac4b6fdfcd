#include "http_server.h"

#include "client_origin.h"
#include "db/database.h"
#include "guarded_server.h"
#include "problem.h"
#include "request_context.h"
#include "request_log.h"
#include "routes.h"
#include "usage_capture.h"
#include "util/event_log.h"

#include <sys/socket.h>

#include <algorithm>
#include <string>

namespace hawzu::server {
namespace {

constexpr const char *kContentSecurityPolicy =
    "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; "
    "img-src 'self' data:; style-src 'self'; font-src 'self'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'";

bool is_api_path(const std::string &path) {
  return path.rfind("/api/", 0) == 0;
}

bool method_takes_body(const std::string &method) {
  return method == "POST" || method == "PUT" || method == "PATCH";
}

bool is_json_content_type(const std::string &value) {
  // "application/json" optionally followed by parameters (charset=utf-8).
  std::string lower;
  for (char c : value)
    lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  if (lower.rfind("application/json", 0) != 0) return false;
  return lower.size() == 16 || lower[16] == ';' || lower[16] == ' ';
}

httplib::Server::HandlerResponse refuse(httplib::Response &response, int status, std::string code,
                                        std::string detail) {
  Problem problem = problem_for_status(status);
  problem.code = std::move(code);
  problem.detail = std::move(detail);
  send_problem(response, problem);
  // The body (if any) was not read: the connection cannot be reused safely.
  response.set_header("Connection", "close");
  return httplib::Server::HandlerResponse::Handled;
}

// Refusals that need only the request line and headers (docs/security.md#http-hardening): the body
// is never read for these.
httplib::Server::HandlerResponse guard_request(const httplib::Request &request,
                                               httplib::Response &response,
                                               const HttpLimits &limits) {
  if (request.has_header("Transfer-Encoding"))
    return refuse(response, 411, "length_required",
                  "Chunked request bodies are not accepted; send Content-Length.");
  if (request.has_header("Content-Encoding"))
    return refuse(response, 415, "unsupported_media_type",
                  "Compressed request bodies are not accepted.");
  if (request.get_header_value_count("Authorization") > 1)
    return refuse(response, 400, "bad_request", "Send at most one Authorization header.");
  if (request.get_header_value_count("Content-Length") > 1)
    return refuse(response, 400, "bad_request", "Send at most one Content-Length header.");

  // Without Content-Length the library would read a POST/PUT/PATCH body until the
  // client closes the connection or the read timeout ends it (10 s, then 400), holding
  // a worker thread all that time. An empty body is "Content-Length: 0".
  if (method_takes_body(request.method) && !request.has_header("Content-Length"))
    return refuse(response, 411, "length_required",
                  "Send Content-Length (0 for an empty body) with " + request.method + ".");

  const std::string length_text = request.get_header_value("Content-Length");
  std::size_t length = 0;
  if (!length_text.empty()) {
    if (length_text.size() > 12 || length_text.find_first_not_of("0123456789") != std::string::npos)
      return refuse(response, 400, "bad_request", "Content-Length is not a number.");
    length = std::stoull(length_text);
  }
  if (length > 0 && !method_takes_body(request.method))
    return refuse(response, 400, "bad_request", request.method + " requests must not have a body.");
  // Secret scanners send up to a thousand findings at once.
  const std::size_t max_length = request.path == kLeakReportPath && request.method == "POST"
                                     ? limits.max_leak_report_bytes
                                     : limits.max_body_bytes;
  if (length > max_length)
    return refuse(response, 413, "payload_too_large",
                  "The request body is larger than " + std::to_string(max_length) + " bytes.");
  if (length > 0 && !is_json_content_type(request.get_header_value("Content-Type")))
    return refuse(response, 415, "unsupported_media_type", "Send the body as application/json.");
  return httplib::Server::HandlerResponse::Unhandled;
}

// The security headers of every answer (docs/security.md#http-hardening), built once
// when the server is made rather than set one by one on every response.
struct SecurityHeaders {
  httplib::Headers every_answer;
  httplib::Headers api_answers;  // every_answer and what only API answers carry
};

SecurityHeaders make_security_headers(bool uses_tls) {
  SecurityHeaders headers;
  httplib::Headers &all = headers.every_answer;
  all.emplace("Content-Security-Policy", kContentSecurityPolicy);
  all.emplace("X-Content-Type-Options", "nosniff");
  all.emplace("Referrer-Policy", "no-referrer");
  all.emplace("X-Frame-Options", "DENY");
  all.emplace("Cross-Origin-Opener-Policy", "same-origin");
  all.emplace("Cross-Origin-Resource-Policy", "same-origin");
  if (uses_tls) all.emplace("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  headers.api_answers = all;
  // API answers can carry personal data or a secret: never store them anywhere.
  headers.api_answers.emplace("Cache-Control", "no-store");
  headers.api_answers.emplace("Pragma", "no-cache");
  return headers;
}

void add_security_headers(const SecurityHeaders &headers, const httplib::Request &request,
                          httplib::Response &response) {
  const httplib::Headers &add =
      is_api_path(request.path) ? headers.api_answers : headers.every_answer;
  response.headers.insert(add.begin(), add.end());
}

}  // namespace

HttpServer make_http_server(App &app, const HttpLimits &limits, std::string &error) {
  ConnectionRules rules;
  rules.max_connections_per_client = limits.max_connections_per_client;
  rules.request_deadline = std::chrono::seconds(limits.request_deadline_seconds);
  rules.keep_alive_timeout = std::chrono::seconds(limits.keep_alive_timeout_seconds);
  auto load = std::make_shared<ConnectionLoad>();
  auto guard = std::make_shared<ConnectionGuard>(rules, load);

  std::unique_ptr<httplib::Server> server;
  if (app.options.uses_tls()) {
    server = make_guarded_tls_server(guard, app.options.tls_cert_file, app.options.tls_key_file);
    if (!server->is_valid()) {
      error = "cannot load the TLS certificate or key (" + app.options.tls_cert_file + ", " +
              app.options.tls_key_file + ")";
      return {};
    }
  } else {
    server = make_guarded_server(guard);
  }

  // The library's default sets SO_REUSEPORT, with which a second server (another
  // hawzu-server with another database) could bind the same port and the kernel would
  // split the connections between them. SO_REUSEADDR alone still allows a restart
  // while old connections linger in TIME_WAIT, and an address in use is an error.
  server->set_socket_options([](socket_t sock) {
    int on = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
  });

  // Without TCP_NODELAY every keep-alive response waits for a delayed ACK (~40 ms).
  server->set_tcp_nodelay(true);
  // The library's own cap is the largest any route takes; guard_request() applies each
  // route's limit from Content-Length before a body is read.
  server->set_payload_max_length(std::max(limits.max_body_bytes, limits.max_leak_report_bytes));
  server->set_read_timeout(limits.read_timeout_seconds, 0);
  server->set_write_timeout(limits.write_timeout_seconds, 0);
  server->set_keep_alive_timeout(limits.keep_alive_timeout_seconds);
  server->set_keep_alive_max_count(limits.keep_alive_max_requests);
  const std::size_t threads = limits.worker_threads;
  const std::size_t queued = limits.max_queued_connections;
  server->new_task_queue = [threads, queued, load] {
    return new ConnectionPool(threads, queued, load);
  };

  auto api_routes = std::make_unique<RouteTable>(*server);
  server->set_pre_routing_handler([limits, &app, routes = api_routes.get()](
                                      const httplib::Request &request,
                                      httplib::Response &response) {
    reset_request_context();
    ClientOrigin origin =
        client_origin(request, app.options.uses_tls(), app.options.trusted_proxies);
    current_request_context().client_address = std::move(origin.address);
    current_request_context().https = origin.https;
    if (guard_request(request, response, limits) == httplib::Server::HandlerResponse::Handled)
      return httplib::Server::HandlerResponse::Handled;
    return routes->dispatch_exact(request, response) ? httplib::Server::HandlerResponse::Handled
                                                     : httplib::Server::HandlerResponse::Unhandled;
  });

  auto security_headers =
      std::make_shared<const SecurityHeaders>(make_security_headers(app.options.uses_tls()));
  server->set_post_routing_handler(
      [security_headers](const httplib::Request &request, httplib::Response &response) {
        add_security_headers(*security_headers, request, response);
      });

  // Errors produced by the library itself (400 on a malformed request, 413, 414, 404
  // for an unrouted path) arrive with an empty body: give them the problem shape.
  server->set_error_handler([](const httplib::Request &, httplib::Response &response) {
    if (!response.body.empty() || response.status == 304)
      return httplib::Server::HandlerResponse::Unhandled;
    send_problem(response, problem_for_status(response.status));
    return httplib::Server::HandlerResponse::Handled;
  });

  // Without this the library would put the exception text in a response header.
  server->set_exception_handler([](const httplib::Request &request, httplib::Response &response,
                                   std::exception_ptr exception) {
    std::string what = "unknown exception";
    try {
      if (exception) std::rethrow_exception(exception);
    } catch (const DatabaseError &e) {
      // The database is down, restarting or failing over (or SQLite stayed locked):
      // nothing was committed, and the client may simply try again shortly.
      if (e.kind() == DatabaseErrorKind::unavailable) {
        log_event("database unavailable",
                  mask_token_like_text(request.method + " " + request.path + ": " + e.what()));
        Problem problem = problem_for_status(503);
        problem.code = "database_unavailable";
        problem.detail = "The database cannot be reached right now; try again shortly.";
        send_problem(response, problem);
        response.set_header("Retry-After", "1");
        return;
      }
      what = e.what();
    } catch (const std::exception &e) {
      what = e.what();
    } catch (...) {
    }
    log_event("unhandled exception",
              mask_token_like_text(request.method + " " + request.path + ": " + what));
    send_problem(response, problem_for_status(500));
  });

  server->set_logger([&app](const httplib::Request &request, const httplib::Response &response) {
    log_request(request, response);
    if (app.usage) capture_token_usage(*app.usage, *app.clock, request, response);
  });

  register_routes(*server, *api_routes, app);
  return {std::move(server), std::move(api_routes)};
}

}  // namespace hawzu::server
