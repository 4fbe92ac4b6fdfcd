// The web app at "/", the API reference page at "/api/reference" (site files too: the
// page and the Swagger UI the build copies beside it), and clean 404/405 answers for every
// address no route claims.
#include "problem.h"
#include "routes.h"

namespace hawzu::server {

namespace {

// The only part of /api that is files: the reference page and its assets.
bool is_reference_path(const std::string &path) {
  return path == "/api/reference" || path.rfind("/api/reference/", 0) == 0;
}

}  // namespace

void register_static_routes(httplib::Server &server, App &app) {
  const StaticSite *site = &app.site;
  server.Get(".*", [site](const httplib::Request &request, httplib::Response &response) {
    const bool api = request.path.rfind("/api/", 0) == 0;
    if ((!api || is_reference_path(request.path)) && site->serve(request, response)) return;
    send_problem(response, problem_for_status(404));
  });
  // Other methods on unknown addresses: 404 for /api paths nobody serves, 405 for
  // the site's files (they are read-only).
  auto not_routed = [](const httplib::Request &request, httplib::Response &response) {
    send_problem(response, problem_for_status(request.path.rfind("/api/", 0) == 0 ? 404 : 405));
  };
  server.Post(".*", not_routed);
  server.Put(".*", not_routed);
  server.Patch(".*", not_routed);
  server.Delete(".*", not_routed);
}

}  // namespace hawzu::server
