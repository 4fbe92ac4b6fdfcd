// Test cases of a project (docs/product.md#hawzu-api), for an access token or a web
// session:
//   GET    /api/v1/workspace/{wid}/project/{pid}/testcases        list_test_cases
//   POST   /api/v1/workspace/{wid}/project/{pid}/testcases        create_test_case
//   GET    /api/v1/workspace/{wid}/project/{pid}/testcase/{cid}   read_test_case
//   PATCH  /api/v1/workspace/{wid}/project/{pid}/testcase/{cid}   update_test_case
//   DELETE /api/v1/workspace/{wid}/project/{pid}/testcase/{cid}   delete_test_case
// Each handler: authenticate for its Operation, path ids, (query or body), one service
// call, render.
#include "http/api_guard.h"
#include "http/api_target.h"
#include "http/json_body.h"
#include "http/json_views.h"
#include "http/resource_views.h"
#include "http/routes.h"
#include "services/test_case_request.h"

namespace hawzu::server {
namespace {

const std::string kTestCases = "/api/v1/workspace/{wid}/project/{pid}/testcases";
const std::string kTestCase = "/api/v1/workspace/{wid}/project/{pid}/testcase/{cid}";

void send_test_case(httplib::Response &response, const Principal &principal,
                    const Result<TestCaseRecord> &result, int status = 200) {
  if (!result) return send_api_error(response, principal, result.error());
  send_json(response, test_case_json(result.value()), status);
}

}  // namespace

void register_test_case_routes(RouteTable &api, App &app) {
  api.get(kTestCases, [&app](const httplib::Request &request, httplib::Response &response) {
    std::optional<ApiTarget> target =
        resolve_api_target(app, request, response, Operation::list_test_cases);
    if (!target) return;
    Result<TestCaseListQuery> query = parse_test_case_list_query(request.params);
    if (!query) return send_api_error(response, target->principal, query.error());
    Result<TestCaseList> list = app.test_cases->list(target->principal, target->workspace_id,
                                                     target->project_id, query.value());
    if (!list) return send_api_error(response, target->principal, list.error());
    nlohmann::json items = nlohmann::json::array();
    for (const TestCaseRecord &test_case : list.value().test_cases)
      items.push_back(test_case_json(test_case));
    const std::optional<std::string> &next = list.value().next_cursor;
    send_json(response, {{"items", items},
                         {"next_cursor", next ? nlohmann::json(*next) : nlohmann::json(nullptr)}});
  });

  api.post(kTestCases, [&app](const httplib::Request &request, httplib::Response &response) {
    std::optional<ApiTarget> target =
        resolve_api_target(app, request, response, Operation::create_test_case);
    if (!target) return;
    std::optional<nlohmann::json> body = read_json_body(request, response);
    if (!body) return;
    send_test_case(
        response, target->principal,
        app.test_cases->create(target->principal, target->workspace_id, target->project_id,
                               read_body_request(*body, parse_test_case_create_request)),
        201);
  });

  api.get(kTestCase, [&app](const httplib::Request &request, httplib::Response &response) {
    std::optional<ApiTarget> target =
        resolve_api_target(app, request, response, Operation::read_test_case);
    if (!target) return;
    send_test_case(response, target->principal,
                   app.test_cases->get(target->principal, target->workspace_id, target->project_id,
                                       target->test_case_id));
  });

  api.patch(kTestCase, [&app](const httplib::Request &request, httplib::Response &response) {
    std::optional<ApiTarget> target =
        resolve_api_target(app, request, response, Operation::update_test_case);
    if (!target) return;
    std::optional<nlohmann::json> body = read_json_body(request, response);
    if (!body) return;
    send_test_case(
        response, target->principal,
        app.test_cases->update(target->principal, target->workspace_id, target->project_id,
                               target->test_case_id,
                               read_body_request(*body, parse_test_case_update_request)));
  });

  api.del(kTestCase, [&app](const httplib::Request &request, httplib::Response &response) {
    std::optional<ApiTarget> target =
        resolve_api_target(app, request, response, Operation::delete_test_case);
    if (!target) return;
    Result<Done> removed = app.test_cases->remove(target->principal, target->workspace_id,
                                                  target->project_id, target->test_case_id);
    if (!removed) return send_api_error(response, target->principal, removed.error());
    response.status = 204;
  });
}

}  // namespace hawzu::server
