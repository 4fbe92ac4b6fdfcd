// The role catalogue against the tables of docs/product.md#roles-and-permissions.
#include "shared/roles.h"

#include <catch2/catch.hpp>

using namespace hawzu;

TEST_CASE("Workspace roles have their wire and display names", "[roles]") {
  CHECK(wire_name(WorkspaceRole::owner) == "workspace_owner");
  CHECK(wire_name(WorkspaceRole::manager) == "workspace_manager");
  CHECK(wire_name(WorkspaceRole::coordinator) == "workspace_coordinator");
  CHECK(wire_name(WorkspaceRole::member) == "workspace_member");
  CHECK(wire_name(WorkspaceRole::viewer) == "workspace_viewer");

  CHECK(display_name(WorkspaceRole::owner) == "Workspace Owner");
  CHECK(display_name(WorkspaceRole::manager) == "Workspace Manager");
  CHECK(display_name(WorkspaceRole::coordinator) == "Workspace Coordinator");
  CHECK(display_name(WorkspaceRole::member) == "Workspace Member");
  CHECK(display_name(WorkspaceRole::viewer) == "Workspace Viewer");
}

TEST_CASE("Project roles have their wire and display names", "[roles]") {
  CHECK(wire_name(ProjectRole::manager) == "project_manager");
  CHECK(wire_name(ProjectRole::coordinator) == "project_coordinator");
  CHECK(wire_name(ProjectRole::member) == "project_member");
  CHECK(wire_name(ProjectRole::viewer) == "project_viewer");

  CHECK(display_name(ProjectRole::manager) == "Project Manager");
  CHECK(display_name(ProjectRole::coordinator) == "Project Coordinator");
  CHECK(display_name(ProjectRole::member) == "Project Member");
  CHECK(display_name(ProjectRole::viewer) == "Project Viewer");
}

TEST_CASE("Permissions have their wire names", "[roles]") {
  CHECK(wire_name(Permission::read) == "read");
  CHECK(wire_name(Permission::write_test_cases) == "write_test_cases");
  CHECK(wire_name(Permission::delete_test_cases) == "delete_test_cases");
  CHECK(wire_name(Permission::create_projects) == "create_projects");
  CHECK(wire_name(Permission::update_project) == "update_project");
  CHECK(wire_name(Permission::manage_access_tokens) == "manage_access_tokens");
  CHECK(wire_name(Permission::read_audit_log) == "read_audit_log");
}

TEST_CASE("Role wire names parse back to the same role", "[roles]") {
  for (WorkspaceRole role : all_workspace_roles()) {
    CHECK(parse_workspace_role(wire_name(role)) == role);
  }
  for (ProjectRole role : all_project_roles()) {
    CHECK(parse_project_role(wire_name(role)) == role);
  }
}

TEST_CASE("Unknown role names do not parse", "[roles]") {
  CHECK_FALSE(parse_workspace_role("").has_value());
  CHECK_FALSE(parse_workspace_role("admin").has_value());
  CHECK_FALSE(parse_workspace_role("Workspace_Manager").has_value());
  CHECK_FALSE(parse_workspace_role("workspace_manager ").has_value());
  CHECK_FALSE(parse_workspace_role("Workspace Manager").has_value());
  // The two families do not mix.
  CHECK_FALSE(parse_workspace_role("project_manager").has_value());
  CHECK_FALSE(parse_project_role("workspace_manager").has_value());
  CHECK_FALSE(parse_project_role("project_owner").has_value());
  CHECK_FALSE(parse_project_role("").has_value());
}

TEST_CASE("Roles are ranked as in the product spec", "[roles]") {
  CHECK(rank(WorkspaceRole::owner) == 5);
  CHECK(rank(WorkspaceRole::manager) == 4);
  CHECK(rank(WorkspaceRole::coordinator) == 3);
  CHECK(rank(WorkspaceRole::member) == 2);
  CHECK(rank(WorkspaceRole::viewer) == 1);

  CHECK(rank(ProjectRole::manager) == 4);
  CHECK(rank(ProjectRole::coordinator) == 3);
  CHECK(rank(ProjectRole::member) == 2);
  CHECK(rank(ProjectRole::viewer) == 1);
}

TEST_CASE("Role catalogues list every role, highest rank first", "[roles]") {
  CHECK(all_workspace_roles() ==
        std::vector<WorkspaceRole>{WorkspaceRole::owner, WorkspaceRole::manager,
                                   WorkspaceRole::coordinator, WorkspaceRole::member,
                                   WorkspaceRole::viewer});
  CHECK(all_project_roles() == std::vector<ProjectRole>{ProjectRole::manager,
                                                        ProjectRole::coordinator,
                                                        ProjectRole::member, ProjectRole::viewer});
  CHECK(all_permissions().size() == 10);
}

TEST_CASE("Only the Owner role is protected from tokens", "[roles]") {
  CHECK_FALSE(is_assignable_to_token(WorkspaceRole::owner));
  CHECK(is_assignable_to_token(WorkspaceRole::manager));
  CHECK(is_assignable_to_token(WorkspaceRole::coordinator));
  CHECK(is_assignable_to_token(WorkspaceRole::member));
  CHECK(is_assignable_to_token(WorkspaceRole::viewer));
}

TEST_CASE("A creator may assign assignable roles up to their own rank", "[roles]") {
  // Owner cannot assign Owner, even though it is their own role.
  CHECK_FALSE(may_assign(WorkspaceRole::owner, WorkspaceRole::owner));
  CHECK(may_assign(WorkspaceRole::owner, WorkspaceRole::manager));
  CHECK(may_assign(WorkspaceRole::owner, WorkspaceRole::viewer));

  CHECK(may_assign(WorkspaceRole::manager, WorkspaceRole::manager));
  CHECK_FALSE(may_assign(WorkspaceRole::manager, WorkspaceRole::owner));

  // Member cannot assign Coordinator (ranked above Member).
  CHECK_FALSE(may_assign(WorkspaceRole::member, WorkspaceRole::coordinator));
  CHECK_FALSE(may_assign(WorkspaceRole::member, WorkspaceRole::manager));
  CHECK(may_assign(WorkspaceRole::member, WorkspaceRole::member));
  CHECK(may_assign(WorkspaceRole::member, WorkspaceRole::viewer));

  CHECK(may_assign(WorkspaceRole::viewer, WorkspaceRole::viewer));
  CHECK_FALSE(may_assign(WorkspaceRole::viewer, WorkspaceRole::member));
}

TEST_CASE("Assignable workspace roles depend on the creator's role", "[roles]") {
  CHECK(assignable_workspace_roles(WorkspaceRole::owner) ==
        std::vector<WorkspaceRole>{WorkspaceRole::manager, WorkspaceRole::coordinator,
                                   WorkspaceRole::member, WorkspaceRole::viewer});
  CHECK(assignable_workspace_roles(WorkspaceRole::manager) ==
        std::vector<WorkspaceRole>{WorkspaceRole::manager, WorkspaceRole::coordinator,
                                   WorkspaceRole::member, WorkspaceRole::viewer});
  CHECK(assignable_workspace_roles(WorkspaceRole::coordinator) ==
        std::vector<WorkspaceRole>{WorkspaceRole::coordinator, WorkspaceRole::member,
                                   WorkspaceRole::viewer});
  CHECK(assignable_workspace_roles(WorkspaceRole::member) ==
        std::vector<WorkspaceRole>{WorkspaceRole::member, WorkspaceRole::viewer});
  CHECK(assignable_workspace_roles(WorkspaceRole::viewer) ==
        std::vector<WorkspaceRole>{WorkspaceRole::viewer});
}

TEST_CASE("Workspace Owner has every workspace permission", "[roles][permissions]") {
  CHECK(allows(WorkspaceRole::owner, Permission::read));
  CHECK(allows(WorkspaceRole::owner, Permission::write_test_cases));
  CHECK(allows(WorkspaceRole::owner, Permission::delete_test_cases));
  CHECK(allows(WorkspaceRole::owner, Permission::create_projects));
  CHECK(allows(WorkspaceRole::owner, Permission::update_project));
  CHECK(allows(WorkspaceRole::owner, Permission::manage_access_tokens));
  CHECK(allows(WorkspaceRole::owner, Permission::read_audit_log));
  CHECK(allows(WorkspaceRole::owner, Permission::read_token_policy));
  CHECK(allows(WorkspaceRole::owner, Permission::manage_token_policy));
}

TEST_CASE("Workspace Manager has every workspace permission", "[roles][permissions]") {
  CHECK(allows(WorkspaceRole::manager, Permission::read));
  CHECK(allows(WorkspaceRole::manager, Permission::write_test_cases));
  CHECK(allows(WorkspaceRole::manager, Permission::delete_test_cases));
  CHECK(allows(WorkspaceRole::manager, Permission::create_projects));
  CHECK(allows(WorkspaceRole::manager, Permission::update_project));
  CHECK(allows(WorkspaceRole::manager, Permission::manage_access_tokens));
  CHECK(allows(WorkspaceRole::manager, Permission::read_audit_log));
  CHECK(allows(WorkspaceRole::manager, Permission::read_token_policy));
  CHECK_FALSE(allows(WorkspaceRole::manager, Permission::manage_token_policy));
}

TEST_CASE("Workspace Coordinator can do all but manage access tokens", "[roles][permissions]") {
  CHECK(allows(WorkspaceRole::coordinator, Permission::read));
  CHECK(allows(WorkspaceRole::coordinator, Permission::write_test_cases));
  CHECK(allows(WorkspaceRole::coordinator, Permission::delete_test_cases));
  CHECK(allows(WorkspaceRole::coordinator, Permission::create_projects));
  CHECK(allows(WorkspaceRole::coordinator, Permission::update_project));
  CHECK_FALSE(allows(WorkspaceRole::coordinator, Permission::manage_access_tokens));
  CHECK_FALSE(allows(WorkspaceRole::coordinator, Permission::read_audit_log));
  CHECK_FALSE(allows(WorkspaceRole::coordinator, Permission::read_token_policy));
  CHECK_FALSE(allows(WorkspaceRole::coordinator, Permission::manage_token_policy));
}

TEST_CASE("Workspace Member can read and write test cases only", "[roles][permissions]") {
  CHECK(allows(WorkspaceRole::member, Permission::read));
  CHECK(allows(WorkspaceRole::member, Permission::write_test_cases));
  CHECK_FALSE(allows(WorkspaceRole::member, Permission::delete_test_cases));
  CHECK_FALSE(allows(WorkspaceRole::member, Permission::create_projects));
  CHECK_FALSE(allows(WorkspaceRole::member, Permission::update_project));
  CHECK_FALSE(allows(WorkspaceRole::member, Permission::manage_access_tokens));
  CHECK_FALSE(allows(WorkspaceRole::member, Permission::read_audit_log));
  CHECK_FALSE(allows(WorkspaceRole::member, Permission::read_token_policy));
  CHECK_FALSE(allows(WorkspaceRole::member, Permission::manage_token_policy));
}

TEST_CASE("Workspace Viewer can only read", "[roles][permissions]") {
  CHECK(allows(WorkspaceRole::viewer, Permission::read));
  CHECK_FALSE(allows(WorkspaceRole::viewer, Permission::write_test_cases));
  CHECK_FALSE(allows(WorkspaceRole::viewer, Permission::delete_test_cases));
  CHECK_FALSE(allows(WorkspaceRole::viewer, Permission::create_projects));
  CHECK_FALSE(allows(WorkspaceRole::viewer, Permission::update_project));
  CHECK_FALSE(allows(WorkspaceRole::viewer, Permission::manage_access_tokens));
  CHECK_FALSE(allows(WorkspaceRole::viewer, Permission::read_audit_log));
  CHECK_FALSE(allows(WorkspaceRole::viewer, Permission::read_token_policy));
  CHECK_FALSE(allows(WorkspaceRole::viewer, Permission::manage_token_policy));
}

TEST_CASE("Project Manager can do everything in its project", "[roles][permissions]") {
  CHECK(allows(ProjectRole::manager, Permission::read));
  CHECK(allows(ProjectRole::manager, Permission::write_test_cases));
  CHECK(allows(ProjectRole::manager, Permission::delete_test_cases));
  CHECK(allows(ProjectRole::manager, Permission::update_project));
}

TEST_CASE("Project Coordinator can delete test cases but not rename", "[roles][permissions]") {
  CHECK(allows(ProjectRole::coordinator, Permission::read));
  CHECK(allows(ProjectRole::coordinator, Permission::write_test_cases));
  CHECK(allows(ProjectRole::coordinator, Permission::delete_test_cases));
  CHECK_FALSE(allows(ProjectRole::coordinator, Permission::update_project));
}

TEST_CASE("Project Member can read and write test cases", "[roles][permissions]") {
  CHECK(allows(ProjectRole::member, Permission::read));
  CHECK(allows(ProjectRole::member, Permission::write_test_cases));
  CHECK_FALSE(allows(ProjectRole::member, Permission::delete_test_cases));
  CHECK_FALSE(allows(ProjectRole::member, Permission::update_project));
}

TEST_CASE("Project Viewer can only read", "[roles][permissions]") {
  CHECK(allows(ProjectRole::viewer, Permission::read));
  CHECK_FALSE(allows(ProjectRole::viewer, Permission::write_test_cases));
  CHECK_FALSE(allows(ProjectRole::viewer, Permission::delete_test_cases));
  CHECK_FALSE(allows(ProjectRole::viewer, Permission::update_project));
}

TEST_CASE("No project role creates projects or manages access tokens", "[roles][permissions]") {
  for (ProjectRole role : all_project_roles()) {
    INFO(wire_name(role));
    CHECK_FALSE(allows(role, Permission::create_projects));
    CHECK_FALSE(allows(role, Permission::manage_access_tokens));
    CHECK_FALSE(allows(role, Permission::read_audit_log));
    CHECK_FALSE(allows(role, Permission::read_token_policy));
    CHECK_FALSE(allows(role, Permission::manage_token_policy));
  }
}

TEST_CASE("A higher role allows everything a lower one does", "[roles][permissions]") {
  for (Permission permission : all_permissions()) {
    for (WorkspaceRole higher : all_workspace_roles()) {
      for (WorkspaceRole lower : all_workspace_roles()) {
        if (rank(higher) > rank(lower) && allows(lower, permission)) {
          INFO(wire_name(higher) << " vs " << wire_name(lower) << ": " << wire_name(permission));
          CHECK(allows(higher, permission));
        }
      }
    }
    for (ProjectRole higher : all_project_roles()) {
      for (ProjectRole lower : all_project_roles()) {
        if (rank(higher) > rank(lower) && allows(lower, permission)) {
          INFO(wire_name(higher) << " vs " << wire_name(lower) << ": " << wire_name(permission));
          CHECK(allows(higher, permission));
        }
      }
    }
  }
}
