// The role catalogue (docs/product.md#roles-and-permissions). Every permission rule is a rank
// threshold, written out per permission below so that the table in the product spec can be checked
// line by line against this file.
#include "shared/roles.h"

namespace hawzu {

// ---------------------------------------------------------------------------
// Names.

std::string_view wire_name(WorkspaceRole role) {
  switch (role) {
    case WorkspaceRole::owner:
      return "workspace_owner";
    case WorkspaceRole::manager:
      return "workspace_manager";
    case WorkspaceRole::coordinator:
      return "workspace_coordinator";
    case WorkspaceRole::member:
      return "workspace_member";
    case WorkspaceRole::viewer:
      return "workspace_viewer";
  }
  return "";
}

std::string_view wire_name(ProjectRole role) {
  switch (role) {
    case ProjectRole::manager:
      return "project_manager";
    case ProjectRole::coordinator:
      return "project_coordinator";
    case ProjectRole::member:
      return "project_member";
    case ProjectRole::viewer:
      return "project_viewer";
  }
  return "";
}

std::string_view display_name(WorkspaceRole role) {
  switch (role) {
    case WorkspaceRole::owner:
      return "Workspace Owner";
    case WorkspaceRole::manager:
      return "Workspace Manager";
    case WorkspaceRole::coordinator:
      return "Workspace Coordinator";
    case WorkspaceRole::member:
      return "Workspace Member";
    case WorkspaceRole::viewer:
      return "Workspace Viewer";
  }
  return "";
}

std::string_view display_name(ProjectRole role) {
  switch (role) {
    case ProjectRole::manager:
      return "Project Manager";
    case ProjectRole::coordinator:
      return "Project Coordinator";
    case ProjectRole::member:
      return "Project Member";
    case ProjectRole::viewer:
      return "Project Viewer";
  }
  return "";
}

std::string_view wire_name(Permission permission) {
  switch (permission) {
    case Permission::read:
      return "read";
    case Permission::write_test_cases:
      return "write_test_cases";
    case Permission::delete_test_cases:
      return "delete_test_cases";
    case Permission::create_projects:
      return "create_projects";
    case Permission::update_project:
      return "update_project";
    case Permission::manage_access_tokens:
      return "manage_access_tokens";
    case Permission::manage_members:
      return "manage_members";
    case Permission::read_audit_log:
      return "read_audit_log";
    case Permission::read_token_policy:
      return "read_token_policy";
    case Permission::manage_token_policy:
      return "manage_token_policy";
  }
  return "";
}

std::optional<WorkspaceRole> parse_workspace_role(std::string_view wire) {
  for (WorkspaceRole role : all_workspace_roles()) {
    if (wire_name(role) == wire) return role;
  }
  return std::nullopt;
}

std::optional<ProjectRole> parse_project_role(std::string_view wire) {
  for (ProjectRole role : all_project_roles()) {
    if (wire_name(role) == wire) return role;
  }
  return std::nullopt;
}

// ---------------------------------------------------------------------------
// Ranks and catalogues.

int rank(WorkspaceRole role) {
  return static_cast<int>(role);
}
int rank(ProjectRole role) {
  return static_cast<int>(role);
}

const std::vector<WorkspaceRole> &all_workspace_roles() {
  static const std::vector<WorkspaceRole> roles = {WorkspaceRole::owner, WorkspaceRole::manager,
                                                   WorkspaceRole::coordinator,
                                                   WorkspaceRole::member, WorkspaceRole::viewer};
  return roles;
}

const std::vector<ProjectRole> &all_project_roles() {
  static const std::vector<ProjectRole> roles = {ProjectRole::manager, ProjectRole::coordinator,
                                                 ProjectRole::member, ProjectRole::viewer};
  return roles;
}

const std::vector<Permission> &all_permissions() {
  static const std::vector<Permission> permissions = {Permission::read,
                                                      Permission::write_test_cases,
                                                      Permission::delete_test_cases,
                                                      Permission::create_projects,
                                                      Permission::update_project,
                                                      Permission::manage_access_tokens,
                                                      Permission::manage_members,
                                                      Permission::read_audit_log,
                                                      Permission::read_token_policy,
                                                      Permission::manage_token_policy};
  return permissions;
}

// ---------------------------------------------------------------------------
// Assigning roles to tokens.

bool is_assignable_to_token(WorkspaceRole role) {
  return role != WorkspaceRole::owner;
}

bool may_assign(WorkspaceRole creator, WorkspaceRole token_role) {
  return is_assignable_to_token(token_role) && rank(token_role) <= rank(creator);
}

std::vector<WorkspaceRole> assignable_workspace_roles(WorkspaceRole creator) {
  std::vector<WorkspaceRole> roles;
  for (WorkspaceRole role : all_workspace_roles()) {
    if (may_assign(creator, role)) roles.push_back(role);
  }
  return roles;
}

// ---------------------------------------------------------------------------
// Permissions.

bool allows(WorkspaceRole role, Permission permission) {
  switch (permission) {
    case Permission::read:
      return rank(role) >= rank(WorkspaceRole::viewer);
    case Permission::write_test_cases:
      return rank(role) >= rank(WorkspaceRole::member);
    case Permission::delete_test_cases:
      return rank(role) >= rank(WorkspaceRole::coordinator);
    case Permission::create_projects:
      return rank(role) >= rank(WorkspaceRole::coordinator);
    // Whoever may create projects may also rename them.
    case Permission::update_project:
      return rank(role) >= rank(WorkspaceRole::coordinator);
    case Permission::manage_access_tokens:
      return rank(role) >= rank(WorkspaceRole::manager);
    // Only an Owner decides who belongs to the workspace and with which role.
    case Permission::manage_members:
      return role == WorkspaceRole::owner;
    // Those who manage tokens see who changed them.
    case Permission::read_audit_log:
      return rank(role) >= rank(WorkspaceRole::manager);
    // Managers see the rules they work under; only an Owner sets them.
    case Permission::read_token_policy:
      return rank(role) >= rank(WorkspaceRole::manager);
    case Permission::manage_token_policy:
      return role == WorkspaceRole::owner;
  }
  return false;
}

bool allows(ProjectRole role, Permission permission) {
  switch (permission) {
    case Permission::read:
      return rank(role) >= rank(ProjectRole::viewer);
    case Permission::write_test_cases:
      return rank(role) >= rank(ProjectRole::member);
    case Permission::delete_test_cases:
      return rank(role) >= rank(ProjectRole::coordinator);
    case Permission::update_project:
      return rank(role) >= rank(ProjectRole::manager);
    // Workspace-level permissions: a project role never carries them.
    case Permission::create_projects:
      return false;
    case Permission::manage_access_tokens:
    case Permission::manage_members:
    case Permission::read_audit_log:
    case Permission::read_token_policy:
    case Permission::manage_token_policy:
      return false;
  }
  return false;
}

bool is_web_session_permission(Permission permission) {
  switch (permission) {
    case Permission::manage_access_tokens:
    case Permission::manage_members:
    case Permission::read_audit_log:
    case Permission::read_token_policy:
    case Permission::manage_token_policy:
      return true;
    case Permission::read:
    case Permission::write_test_cases:
    case Permission::delete_test_cases:
    case Permission::create_projects:
    case Permission::update_project:
      return false;
  }
  return true;
}

}  // namespace hawzu
