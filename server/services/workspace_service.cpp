#include "services/workspace_service.h"

#include "auth/authorization.h"
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
  // The name was read with the token, in the same statement as its grants: no second
  // database round trip.
  const TokenPrincipal &token = principal.access_token();
  if (!token.workspace_name) return views;
  WorkspaceView view{token.workspace_id, *token.workspace_name, token.workspace_role, {}};
  // What authorization.h would grant the token workspace-wide now, its owner's current
  // role included.
  for (Permission permission : all_permissions())
    if (authorize(principal, permission, token.workspace_id) == AccessDecision::granted)
      view.permissions.push_back(permission);
  views.push_back(std::move(view));
  return views;
}

}  // namespace hawzu::server
