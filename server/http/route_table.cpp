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

void RouteTable::get(const std::string &path_template, httplib::Server::Handler handler) {
  routes_.push_back({"GET", path_template});
  server_.Get(to_httplib_pattern(path_template), noting_route(path_template, std::move(handler)));
}

void RouteTable::post(const std::string &path_template, httplib::Server::Handler handler) {
  routes_.push_back({"POST", path_template});
  server_.Post(to_httplib_pattern(path_template), noting_route(path_template, std::move(handler)));
}

void RouteTable::patch(const std::string &path_template, httplib::Server::Handler handler) {
  routes_.push_back({"PATCH", path_template});
  server_.Patch(to_httplib_pattern(path_template), noting_route(path_template, std::move(handler)));
}

void RouteTable::put(const std::string &path_template, httplib::Server::Handler handler) {
  routes_.push_back({"PUT", path_template});
  server_.Put(to_httplib_pattern(path_template), noting_route(path_template, std::move(handler)));
}

void RouteTable::del(const std::string &path_template, httplib::Server::Handler handler) {
  routes_.push_back({"DELETE", path_template});
  server_.Delete(to_httplib_pattern(path_template),
                 noting_route(path_template, std::move(handler)));
}

}  // namespace hawzu::server
