// The workspace's webhook (docs/api.md#webhooks), web session:
//   PUT    /api/v1/workspace/{wid}/webhook              change_webhook (Owners)
//   GET    /api/v1/workspace/{wid}/webhook              read_webhook (Owners, Managers)
//   DELETE /api/v1/workspace/{wid}/webhook              change_webhook
//   GET    /api/v1/workspace/{wid}/webhook/deliveries   read_webhook
//   POST   /api/v1/workspace/{wid}/webhook/test         change_webhook
// Each handler: authenticate for its Operation, (body), one service call, render.
#include "http/api_guard.h"
#include "http/api_target.h"
#include "http/json_body.h"
#include "http/json_views.h"
#include "http/problem.h"
#include "http/routes.h"
#include "http/webhook_views.h"
#include "services/body_request.h"

namespace hawzu::server {
namespace {

const std::string kWebhook = "/api/v1/workspace/{wid}/webhook";
const std::string kDeliveries = "/api/v1/workspace/{wid}/webhook/deliveries";
const std::string kTest = "/api/v1/workspace/{wid}/webhook/test";

}  // namespace

void register_webhook_routes(RouteTable &api, App &app) {
  api.put(kWebhook, [&app](const httplib::Request &request, httplib::Response &response) {
    std::optional<ApiTarget> target =
        resolve_api_target(app, request, response, Operation::change_webhook);
    if (!target) return;
    std::optional<nlohmann::json> body = read_json_body(request, response);
    if (!body) return;
    Result<SavedWebhook> saved = app.webhooks->put(
        target->principal, target->workspace_id, read_body_request(*body, parse_webhook_settings));
    if (!saved) return send_api_error(response, target->principal, saved.error());
    send_json(response, webhook_json(saved.value().webhook, saved.value().secret.view()));
  });

  api.get(kWebhook, [&app](const httplib::Request &request, httplib::Response &response) {
    std::optional<ApiTarget> target =
        resolve_api_target(app, request, response, Operation::read_webhook);
    if (!target) return;
    Result<WebhookRow> webhook = app.webhooks->get(target->principal, target->workspace_id);
    if (!webhook) return send_api_error(response, target->principal, webhook.error());
    send_json(response, webhook_json(webhook.value()));
  });

  api.del(kWebhook, [&app](const httplib::Request &request, httplib::Response &response) {
    std::optional<ApiTarget> target =
        resolve_api_target(app, request, response, Operation::change_webhook);
    if (!target) return;
    Result<Done> removed = app.webhooks->remove(target->principal, target->workspace_id);
    if (!removed) return send_api_error(response, target->principal, removed.error());
    response.status = 204;
  });

  api.get(kDeliveries, [&app](const httplib::Request &request, httplib::Response &response) {
    std::optional<ApiTarget> target =
        resolve_api_target(app, request, response, Operation::read_webhook);
    if (!target) return;
    auto deliveries = app.webhooks->deliveries(target->principal, target->workspace_id);
    if (!deliveries) return send_api_error(response, target->principal, deliveries.error());
    send_json(response, deliveries_json(deliveries.value()));
  });

  api.post(kTest, [&app](const httplib::Request &request, httplib::Response &response) {
    std::optional<ApiTarget> target =
        resolve_api_target(app, request, response, Operation::change_webhook);
    if (!target) return;
    // No body, or an empty object: the test event has nothing to choose.
    if (!request.body.empty()) {
      std::optional<nlohmann::json> body = read_json_body(request, response);
      if (!body) return;
      if (!body->is_object() || !body->empty()) {
        Problem problem = validation_problem(
            {{"", "Send no body, or an empty JSON object: the test event takes no options."}});
        return send_problem(response, problem);
      }
    }
    Result<std::string> queued = app.webhooks->send_test(target->principal, target->workspace_id);
    if (!queued) return send_api_error(response, target->principal, queued.error());
    send_json(response, {{"event_id", queued.value()}}, 202);
  });
}

}  // namespace hawzu::server
