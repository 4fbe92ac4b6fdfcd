// Projects of a workspace (docs/product.md#hawzu-api), for an access token or a web
// session:
//   GET   /api/v1/workspace/{wid}/projects          list_projects
//   POST  /api/v1/workspace/{wid}/projects          create_project
//   GET   /api/v1/workspace/{wid}/project/{pid}     read_project
//   PATCH /api/v1/workspace/{wid}/project/{pid}     update_project
// Each handler: authenticate for its Operation, path ids, (body), one service call,
// render.
#include "http/api_guard.h"
#include "http/api_target.h"
#include "http/json_body.h"
#include "http/json_views.h"
#include "http/resource_views.h"
#include "http/routes.h"
#include "services/project_request.h"

namespace hawzu::server {
namespace {

const std::string kProjects = "/api/v1/workspace/{wid}/projects";
const std::string kProject = "/api/v1/workspace/{wid}/project/{pid}";

void send_project(httplib::Response &response, const Principal &principal,
                  const Result<ProjectRecord> &result, int status = 200) {
  if (!result) return send_api_error(response, principal, result.error());
  send_json(response, project_json(result.value()), status);
}

}  // namespace

void register_project_routes(RouteTable &api, App &app) {
  api.get(kProjects, [&app](const httplib::Request &request, httplib::Response &response) {
    std::optional<ApiTarget> target =
        resolve_api_target(app, request, response, Operation::list_projects);
    if (!target) return;
    Result<std::vector<ProjectRecord>> projects =
        app.projects->list(target->principal, target->workspace_id);
    if (!projects) return send_api_error(response, target->principal, projects.error());
    nlohmann::json items = nlohmann::json::array();
    for (const ProjectRecord &project : projects.value()) items.push_back(project_json(project));
    send_json(response, {{"items", items}});
  });

  api.post(kProjects, [&app](const httplib::Request &request, httplib::Response &response) {
    std::optional<ApiTarget> target =
        resolve_api_target(app, request, response, Operation::create_project);
    if (!target) return;
    std::optional<nlohmann::json> body = read_json_body(request, response);
    if (!body) return;
    send_project(response, target->principal,
                 app.projects->create(target->principal, target->workspace_id,
                                      read_body_request(*body, parse_project_create_request)),
                 201);
  });

  api.get(kProject, [&app](const httplib::Request &request, httplib::Response &response) {
    std::optional<ApiTarget> target =
        resolve_api_target(app, request, response, Operation::read_project);
    if (!target) return;
    send_project(response, target->principal,
                 app.projects->get(target->principal, target->workspace_id, target->project_id));
  });

  api.patch(kProject, [&app](const httplib::Request &request, httplib::Response &response) {
    std::optional<ApiTarget> target =
        resolve_api_target(app, request, response, Operation::update_project);
    if (!target) return;
    std::optional<nlohmann::json> body = read_json_body(request, response);
    if (!body) return;
    send_project(response, target->principal,
                 app.projects->update(target->principal, target->workspace_id, target->project_id,
                                      read_body_request(*body, parse_project_update_request)));
  });
}

}  // namespace hawzu::server
