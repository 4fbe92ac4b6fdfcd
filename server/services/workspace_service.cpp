#include "services/workspace_service.h"

#include "store/workspace_store.h"

namespace hawzu::server {

std::vector<Permission> permissions_of(WorkspaceRole role) {
  std::vector<Permission> permissions;
  for (Permission permission : all_permissions())
    if (allows(role, permission)) permissions.push_back(permission);
  return permissions;
}

std::vector<WorkspaceView> WorkspaceService::workspaces_of(const Principal &principal) {
  std::vector<WorkspaceView> views;
  if (const UserPrincipal *person = principal.user()) {
    for (const Membership &membership : person->memberships)
      views.push_back({membership.workspace_id, membership.workspace_name, membership.role,
                       permissions_of(membership.role)});
    return views;
  }
  const TokenPrincipal &token = principal.access_token();
  Database::Lease connection = database_.connect();
  std::optional<std::string> name = WorkspaceStore(*connection).workspace_name(token.workspace_id);
  if (!name) return views;
  WorkspaceView view{token.workspace_id, *name, token.workspace_role, {}};
  if (token.workspace_role) {
    for (Permission permission : permissions_of(*token.workspace_role))
      if (permission != Permission::manage_access_tokens) view.permissions.push_back(permission);
  } else {
    view.permissions.push_back(Permission::read);
  }
  views.push_back(std::move(view));
  return views;
}

}  // namespace hawzu::server
