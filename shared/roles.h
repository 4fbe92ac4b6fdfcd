// The role catalogue: workspace roles, project roles, their ranks and what each allows.
//
// This is the single source of truth for authorization rules
// (docs/product.md#roles-and-permissions). The server checks every request against it, the web app
// uses it to decide what to show, and the authorization-matrix tests are generated from it. Pure
// data and functions; thread-safe.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace hawzu {

// Ordered by rank: a higher value includes everything a lower one allows.
enum class WorkspaceRole { viewer = 1, member = 2, coordinator = 3, manager = 4, owner = 5 };
enum class ProjectRole { viewer = 1, member = 2, coordinator = 3, manager = 4 };

// What a request needs. Workspace-wide permissions apply to every project of the
// workspace; project permissions are evaluated per project for project tokens.
enum class Permission {
  read,                  // read workspace, list and read projects, read test cases
  write_test_cases,      // create and update test cases
  delete_test_cases,     // delete test cases
  create_projects,       // workspace-level only: project tokens never have it
  update_project,        // rename a project
  manage_access_tokens,  // web session only: tokens never have it
  manage_members,        // change members' roles, remove members; web session only
  read_audit_log,        // the workspace's audit events; web session only
  read_token_policy,     // the token policy and the webhook settings; web session only
  manage_token_policy,   // change the token policy and the webhook; web session only
};

// Permissions that only a person in the web app can hold: an access token never does,
// whatever its role.
bool is_web_session_permission(Permission permission);

std::string_view wire_name(WorkspaceRole role);     // "workspace_manager"
std::string_view wire_name(ProjectRole role);       // "project_member"
std::string_view display_name(WorkspaceRole role);  // "Workspace Manager"
std::string_view display_name(ProjectRole role);    // "Project Member"
std::string_view wire_name(Permission permission);  // "write_test_cases"

std::optional<WorkspaceRole> parse_workspace_role(std::string_view wire);
std::optional<ProjectRole> parse_project_role(std::string_view wire);

int rank(WorkspaceRole role);
int rank(ProjectRole role);

// All roles, highest rank first (the order pickers show them in).
const std::vector<WorkspaceRole> &all_workspace_roles();
const std::vector<ProjectRole> &all_project_roles();
const std::vector<Permission> &all_permissions();

// Owner is protected: a person can hold it, a token never can.
bool is_assignable_to_token(WorkspaceRole role);

// The workspace roles `creator` may give a token: assignable and not ranked above the
// creator's own role. Highest rank first.
std::vector<WorkspaceRole> assignable_workspace_roles(WorkspaceRole creator);
bool may_assign(WorkspaceRole creator, WorkspaceRole token_role);

bool allows(WorkspaceRole role, Permission permission);
bool allows(ProjectRole role, Permission permission);

}  // namespace hawzu
