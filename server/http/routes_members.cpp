// The members of a workspace (docs/product.md#members-and-token-authority):
//   GET    /api/v1/workspace/{wid}/members         list_members (sessions, workspace tokens)
//   PATCH  /api/v1/workspace/{wid}/members/{uid}   change_member_role (Owners, web session)
//   DELETE /api/v1/workspace/{wid}/members/{uid}   remove_member (Owners, web session)
// Each handler: authenticate for its Operation, path ids, (body), one service call,
// render.
#include "http/api_guard.h"
#include "http/api_target.h"
#include "http/json_body.h"
#include "http/json_views.h"
#include "http/resource_views.h"
#include "http/routes.h"
#include "services/member_request.h"

namespace hawzu::server {
namespace {

const std::string kMembers = "/api/v1/workspace/{wid}/members";
const std::string kMember = kMembers + "/{uid}";

}  // namespace

void register_member_routes(RouteTable &api, App &app) {
  api.get(kMembers, [&app](const httplib::Request &request, httplib::Response &response) {
    std::optional<ApiTarget> target =
        resolve_api_target(app, request, response, Operation::list_members);
    if (!target) return;
    Result<std::vector<MemberRecord>> members =
        app.members->list(target->principal, target->workspace_id);
    if (!members) return send_api_error(response, target->principal, members.error());
    nlohmann::json items = nlohmann::json::array();
    for (const MemberRecord &member : members.value()) items.push_back(member_json(member));
    send_json(response, {{"items", items}});
  });

  api.patch(kMember, [&app](const httplib::Request &request, httplib::Response &response) {
    std::optional<ApiTarget> target =
        resolve_api_target(app, request, response, Operation::change_member_role);
    if (!target) return;
    std::optional<nlohmann::json> body = read_json_body(request, response);
    if (!body) return;
    const Principal &principal = target->principal;
    Result<MemberRecord> member =
        app.members->change_role(principal, target->workspace_id, target->user_id,
                                 read_body_request(*body, parse_member_update_request));
    if (!member) return send_api_error(response, principal, member.error());
    send_json(response, member_json(member.value()));
  });

  api.del(kMember, [&app](const httplib::Request &request, httplib::Response &response) {
    std::optional<ApiTarget> target =
        resolve_api_target(app, request, response, Operation::remove_member);
    if (!target) return;
    const Principal &principal = target->principal;
    Result<Done> removed = app.members->remove(principal, target->workspace_id, target->user_id);
    if (!removed) return send_api_error(response, principal, removed.error());
    response.status = 204;
  });
}

}  // namespace hawzu::server
