// The routing table's exact-path dispatch (http/route_table.h): a GET route without path
// parameters is answered by dispatch_exact() (HEAD as GET), and everything else is left
// to the library's routing, where the other routes are registered.
#include "http/route_table.h"

#include <catch2/catch.hpp>

#include <string>

using namespace hawzu::server;

namespace {

httplib::Request request_for(const std::string &method, const std::string &path) {
  httplib::Request request;
  request.method = method;
  request.path = path;
  return request;
}

}  // namespace

TEST_CASE("GET routes without path parameters are answered from the exact table") {
  httplib::Server server;
  RouteTable routes(server);
  std::string answered;
  routes.get("/api/v1/health",
             [&](const httplib::Request &, httplib::Response &) { answered = "health"; });
  routes.get("/api/v1/workspace/{wid}/projects",
             [&](const httplib::Request &, httplib::Response &) { answered = "projects"; });
  routes.post("/api/v1/session",
              [&](const httplib::Request &, httplib::Response &) { answered = "session"; });
  httplib::Response response;

  CHECK(routes.dispatch_exact(request_for("GET", "/api/v1/health"), response));
  CHECK(answered == "health");
  answered.clear();
  CHECK(routes.dispatch_exact(request_for("HEAD", "/api/v1/health"), response));
  CHECK(answered == "health");
  answered.clear();

  // A body is read after this dispatch, so POST goes to the library; so do paths with
  // parameters, other methods on an exact path, and paths no route has.
  CHECK_FALSE(routes.dispatch_exact(request_for("POST", "/api/v1/session"), response));
  CHECK_FALSE(routes.dispatch_exact(request_for("POST", "/api/v1/health"), response));
  CHECK_FALSE(routes.dispatch_exact(request_for("GET", "/api/v1/workspace/1/projects"), response));
  CHECK_FALSE(routes.dispatch_exact(request_for("GET", "/api/v1/health/"), response));
  CHECK_FALSE(routes.dispatch_exact(request_for("GET", "/api/v1/nothing"), response));
  CHECK(answered.empty());

  // Every route is still listed, for the OpenAPI check.
  CHECK(routes.routes().size() == 3);
}
