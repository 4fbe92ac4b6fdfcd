// The API's routing table: every API route is registered here with its method and its
// path template as the OpenAPI document writes it ("/api/v1/workspace/{wid}/projects").
// The table registers the handler with cpp-httplib (as "/api/v1/workspace/:wid/projects";
// read parameters from request.path_params) and remembers the route, so tests can
// check that the OpenAPI document describes every route the server answers. A GET
// route without path parameters is kept in a table of exact paths instead and answered
// by dispatch_exact() before the library's routing, which tries its routes' regular
// expressions one by one (a measurable part of a short request). Each
// handler first notes its template in the request context (http/request_context.h), so
// that token usage records the route, never the path's ids or query string.
// Built once at start-up; not thread-safe while routes are being added.
#pragma once

#include "httplib_config.h"

#include <string>
#include <unordered_map>
#include <vector>

namespace hawzu::server {

struct RouteSpec {
  std::string method;         // "GET", "POST", "PUT", "PATCH", "DELETE"
  std::string path_template;  // "/api/v1/workspace/{wid}/access-tokens/{tid}"
};

class RouteTable {
 public:
  explicit RouteTable(httplib::Server &server) : server_(server) {}
  RouteTable(const RouteTable &) = delete;
  RouteTable &operator=(const RouteTable &) = delete;

  void get(const std::string &path_template, httplib::Server::Handler handler);
  void post(const std::string &path_template, httplib::Server::Handler handler);
  void patch(const std::string &path_template, httplib::Server::Handler handler);
  void put(const std::string &path_template, httplib::Server::Handler handler);
  void del(const std::string &path_template, httplib::Server::Handler handler);

  const std::vector<RouteSpec> &routes() const { return routes_; }

  // Answers a GET (or HEAD) `request` whose path is that of a GET route without path
  // parameters: true when it did. Called before the library's routing, and before it
  // reads a body (http_server.cpp), after the request passed the guard. Thread-safe
  // once built.
  bool dispatch_exact(const httplib::Request &request, httplib::Response &response) const;

  // "/a/{x}/b" → "/a/:x/b".
  static std::string to_httplib_pattern(const std::string &path_template);

 private:
  // `handler`, noting `path_template` in the request context first.
  static httplib::Server::Handler noting_route(const std::string &path_template,
                                               httplib::Server::Handler handler);

  // Registers `handler` for `method`: in the exact table, or with the library.
  void add(const char *method, const std::string &path_template, httplib::Server::Handler handler);

  httplib::Server &server_;
  std::vector<RouteSpec> routes_;
  // Path → handler of the GET routes without path parameters.
  std::unordered_map<std::string, httplib::Server::Handler> exact_;
};

}  // namespace hawzu::server
