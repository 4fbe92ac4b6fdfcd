// How the session and token-management answers look on the wire (docs/product.md#http-api). The
// access-token object itself is the shared to_json(AccessToken).
#pragma once

#include "auth/principal.h"
#include "httplib_config.h"
#include "services/policy_service.h"
#include "services/token_service.h"
#include "services/workspace_service.h"

#include <nlohmann/json.hpp>

#include <vector>

namespace hawzu::server {

// {"id","email","name"}
nlohmann::json user_json(const Principal &principal);

// {"id","name","role","role_name","permissions":[...]} (role null for a project token)
nlohmann::json workspace_json(const WorkspaceView &workspace);

// {"items":[workspace_json...]} written as text (util/json_text.h): the answer of
// GET /api/v1/workspaces, on every Bearer request's path. The same members as
// workspace_json (a unit test compares the two).
std::string workspace_list_text(const std::vector<WorkspaceView> &workspaces);

// {"user": user_json, "workspaces": [workspace_json...]}
nlohmann::json session_json(const Principal &principal,
                            const std::vector<WorkspaceView> &workspaces);

// {"workspace_roles":[{"role","name"}], "project_roles":[{"role","name"}],
//  "projects":[{"id","name"}], "expiry_kinds":[{"kind","name"}]}
nlohmann::json token_options_json(const TokenOptions &options);

// The policy object of docs/api.md#token-policy: exactly the four members a PUT sends.
nlohmann::json policy_json(const StoredPolicy &stored);

// 200 (or `status`) application/json.
void send_json(httplib::Response &response, const nlohmann::json &body, int status = 200);
// The same for a body already written as JSON text.
void send_json_text(httplib::Response &response, std::string body, int status = 200);

}  // namespace hawzu::server
