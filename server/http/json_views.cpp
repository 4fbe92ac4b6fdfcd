#include "http/json_views.h"

#include "shared/expiry.h"
#include "util/json_text.h"

namespace hawzu::server {

nlohmann::json user_json(const Principal &principal) {
  const UserPrincipal &person = principal.person();
  return {{"id", person.user_id}, {"email", person.email}, {"name", person.name}};
}

nlohmann::json workspace_json(const WorkspaceView &workspace) {
  nlohmann::json permissions = nlohmann::json::array();
  for (Permission permission : workspace.permissions)
    permissions.push_back(std::string(wire_name(permission)));
  return {
      {"id", workspace.id},
      {"name", workspace.name},
      {"role", workspace.role ? nlohmann::json(std::string(wire_name(*workspace.role))) : nullptr},
      {"role_name",
       workspace.role ? nlohmann::json(std::string(display_name(*workspace.role))) : nullptr},
      {"permissions", permissions},
  };
}

std::string workspace_list_text(const std::vector<WorkspaceView> &workspaces) {
  std::string out;
  out.reserve(64 + workspaces.size() * 320);
  out.append("{\"items\":[");
  for (std::size_t i = 0; i < workspaces.size(); ++i) {
    const WorkspaceView &workspace = workspaces[i];
    if (i > 0) out.push_back(',');
    out.append("{\"id\":");
    append_json_integer(out, workspace.id);
    out.append(",\"name\":");
    append_json_string(out, workspace.name);
    out.append(",\"role\":");
    if (workspace.role)
      append_json_string(out, wire_name(*workspace.role));
    else
      out.append("null");
    out.append(",\"role_name\":");
    if (workspace.role)
      append_json_string(out, display_name(*workspace.role));
    else
      out.append("null");
    out.append(",\"permissions\":[");
    for (std::size_t k = 0; k < workspace.permissions.size(); ++k) {
      if (k > 0) out.push_back(',');
      append_json_string(out, wire_name(workspace.permissions[k]));
    }
    out.append("]}");
  }
  out.append("]}");
  return out;
}

nlohmann::json session_json(const Principal &principal,
                            const std::vector<WorkspaceView> &workspaces) {
  nlohmann::json list = nlohmann::json::array();
  for (const WorkspaceView &workspace : workspaces) list.push_back(workspace_json(workspace));
  return {{"user", user_json(principal)}, {"workspaces", list}};
}

nlohmann::json token_options_json(const TokenOptions &options) {
  nlohmann::json workspace_roles = nlohmann::json::array();
  for (WorkspaceRole role : options.workspace_roles)
    workspace_roles.push_back(
        {{"role", std::string(wire_name(role))}, {"name", std::string(display_name(role))}});
  nlohmann::json project_roles = nlohmann::json::array();
  for (ProjectRole role : options.project_roles)
    project_roles.push_back(
        {{"role", std::string(wire_name(role))}, {"name", std::string(display_name(role))}});
  nlohmann::json projects = nlohmann::json::array();
  for (const ProjectRecord &project : options.projects)
    projects.push_back({{"id", project.id}, {"name", project.name}});
  nlohmann::json creators = nlohmann::json::array();
  for (const UserRef &person : options.creators)
    creators.push_back({{"id", person.id}, {"name", person.name}});
  nlohmann::json expiry_kinds = nlohmann::json::array();
  for (ExpiryKind kind : all_expiry_kinds())
    expiry_kinds.push_back(
        {{"kind", std::string(wire_name(kind))}, {"name", std::string(display_name(kind))}});
  return {{"workspace_roles", workspace_roles},
          {"project_roles", project_roles},
          {"projects", projects},
          {"creators", creators},
          {"expiry_kinds", expiry_kinds},
          {"policy", to_json(options.policy)}};
}

nlohmann::json policy_json(const StoredPolicy &stored) {
  return to_json(stored.policy);
}

void send_json(httplib::Response &response, const nlohmann::json &body, int status) {
  response.status = status;
  response.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                       "application/json");
}

void send_json_text(httplib::Response &response, std::string body, int status) {
  response.status = status;
  response.set_content(std::move(body), "application/json");
}

}  // namespace hawzu::server
