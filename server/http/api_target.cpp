#include "http/api_target.h"

#include "http/api_guard.h"
#include "http/path_params.h"
#include "http/problem.h"

namespace hawzu::server {
namespace {

// Reads the path parameter `name` into `target` when the route has it; false when it is
// there but not an id.
bool read_id(const httplib::Request &request, const char *name, std::int64_t &target) {
  if (request.path_params.find(name) == request.path_params.end()) return true;
  std::optional<std::int64_t> id = path_id(request, name);
  if (!id) return false;
  target = *id;
  return true;
}

}  // namespace

std::optional<ApiTarget> resolve_api_target(App &app, const httplib::Request &request,
                                            httplib::Response &response, Operation operation) {
  std::optional<Principal> principal = require_api_principal(app, request, response, operation);
  if (!principal) return std::nullopt;
  ApiTarget target{std::move(*principal)};
  if (!read_id(request, "wid", target.workspace_id) ||
      !read_id(request, "pid", target.project_id) ||
      !read_id(request, "cid", target.test_case_id) || !read_id(request, "uid", target.user_id)) {
    send_problem(response, problem_for_status(404));
    return std::nullopt;
  }
  return target;
}

}  // namespace hawzu::server
