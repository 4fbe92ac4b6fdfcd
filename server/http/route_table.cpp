#include "route_table.h"

#include "request_context.h"

#include <memory>

namespace hawzu::server {

httplib::Server::Handler RouteTable::noting_route(const std::string &path_template,
                                                  httplib::Server::Handler handler) {
  // Shared, not copied: a request costs a reference count, not a string.
  auto route = std::make_shared<const std::string>(path_template);
  return [route = std::move(route), handler = std::move(handler)](const httplib::Request &request,
                                                                  httplib::Response &response) {
    current_request_context().route_template = route;
    handler(request, response);
  };
}

std::string RouteTable::to_httplib_pattern(const std::string &path_template) {
  std::string pattern;
  pattern.reserve(path_template.size());
  for (char c : path_template) {
    if (c == '{')
      pattern.push_back(':');
    else if (c != '}')
      pattern.push_back(c);
  }
  return pattern;
}

void RouteTable::add(const char *method, const std::string &path_template,
                     httplib::Server::Handler handler) {
  routes_.push_back({method, path_template});
  httplib::Server::Handler noted = noting_route(path_template, std::move(handler));
  const std::string verb = method;
  // Only GET: dispatch_exact() runs before the library reads a request's body.
  if (verb == "GET" && path_template.find('{') == std::string::npos) {
    exact_[path_template] = std::move(noted);
    return;
  }
  const std::string pattern = to_httplib_pattern(path_template);
  if (verb == "GET")
    server_.Get(pattern, std::move(noted));
  else if (verb == "POST")
    server_.Post(pattern, std::move(noted));
  else if (verb == "PATCH")
    server_.Patch(pattern, std::move(noted));
  else if (verb == "PUT")
    server_.Put(pattern, std::move(noted));
  else
    server_.Delete(pattern, std::move(noted));
}

void RouteTable::get(const std::string &path_template, httplib::Server::Handler handler) {
  add("GET", path_template, std::move(handler));
}

void RouteTable::post(const std::string &path_template, httplib::Server::Handler handler) {
  add("POST", path_template, std::move(handler));
}

void RouteTable::patch(const std::string &path_template, httplib::Server::Handler handler) {
  add("PATCH", path_template, std::move(handler));
}

void RouteTable::put(const std::string &path_template, httplib::Server::Handler handler) {
  add("PUT", path_template, std::move(handler));
}

void RouteTable::del(const std::string &path_template, httplib::Server::Handler handler) {
  add("DELETE", path_template, std::move(handler));
}

bool RouteTable::dispatch_exact(const httplib::Request &request,
                                httplib::Response &response) const {
  // The library answers HEAD with a GET route, without the body; so does this table.
  if (request.method != "GET" && request.method != "HEAD") return false;
  auto found = exact_.find(request.path);
  if (found == exact_.end()) return false;
  found->second(request, response);
  return true;
}

}  // namespace hawzu::server
