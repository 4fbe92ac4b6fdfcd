// Who may do what (docs/product.md#roles-and-permissions): the operation table and authorize().
#include "auth/authorization.h"

#include <catch2/catch.hpp>

using namespace hawzu;
using namespace hawzu::server;

namespace {

Principal person(WorkspaceRole role, std::int64_t workspace_id = 1) {
  UserPrincipal principal;
  principal.user_id = 10;
  principal.memberships.push_back({workspace_id, "Acme QA", role});
  return principal;
}

Principal workspace_token(WorkspaceRole role, std::int64_t workspace_id = 1) {
  TokenPrincipal principal;
  principal.token_id = 5;
  principal.identifier = "hwz_Ab12Cd34";
  principal.workspace_id = workspace_id;
  principal.workspace_role = role;
  principal.owner_role = WorkspaceRole::owner;  // an owner who bounds nothing
  return principal;
}

Principal project_token(std::map<std::int64_t, ProjectRole> grants) {
  TokenPrincipal principal;
  principal.token_id = 6;
  principal.identifier = "hwz_Zz99Yy88";
  principal.workspace_id = 1;
  principal.project_roles = std::move(grants);
  principal.owner_role = WorkspaceRole::owner;
  return principal;
}

const std::vector<Operation> kTokenManagement = {
    Operation::read_access_token_options, Operation::list_access_tokens,
    Operation::read_access_token,         Operation::create_access_token,
    Operation::edit_access_token,         Operation::disable_access_token,
    Operation::enable_access_token,       Operation::revoke_access_token,
    Operation::rotate_access_token};

}  // namespace

TEST_CASE("token management needs manage_access_tokens and a web session") {
  for (Operation operation : kTokenManagement) {
    INFO(operation_name(operation));
    CHECK(rule_for(operation).permission == Permission::manage_access_tokens);
    CHECK(rule_for(operation).web_session_only);
  }
}

TEST_CASE("only Owners and Managers manage tokens in their workspace") {
  for (Operation operation : kTokenManagement) {
    INFO(operation_name(operation));
    CHECK(authorize(person(WorkspaceRole::owner), operation, 1) == AccessDecision::granted);
    CHECK(authorize(person(WorkspaceRole::manager), operation, 1) == AccessDecision::granted);
    CHECK(authorize(person(WorkspaceRole::coordinator), operation, 1) == AccessDecision::forbidden);
    CHECK(authorize(person(WorkspaceRole::member), operation, 1) == AccessDecision::forbidden);
    CHECK(authorize(person(WorkspaceRole::viewer), operation, 1) == AccessDecision::forbidden);
  }
}

TEST_CASE("a workspace the person does not belong to is not found") {
  CHECK(authorize(person(WorkspaceRole::owner, 1), Operation::list_access_tokens, 2) ==
        AccessDecision::not_found);
  CHECK(authorize(person(WorkspaceRole::owner, 1), Permission::read, 2) ==
        AccessDecision::not_found);
}

TEST_CASE("tokens never manage tokens, whatever their role") {
  for (Operation operation : kTokenManagement) {
    CHECK(authorize(workspace_token(WorkspaceRole::manager), operation, 1) ==
          AccessDecision::forbidden);
    CHECK(authorize(workspace_token(WorkspaceRole::manager), operation, 2) ==
          AccessDecision::not_found);
    CHECK(authorize(project_token({{3, ProjectRole::manager}}), operation, 1) ==
          AccessDecision::forbidden);
  }
}

TEST_CASE("a workspace token has its role's permissions across the workspace") {
  Principal token = workspace_token(WorkspaceRole::member);
  CHECK(authorize(token, Permission::read, 1, 42) == AccessDecision::granted);
  CHECK(authorize(token, Permission::write_test_cases, 1, 42) == AccessDecision::granted);
  CHECK(authorize(token, Permission::delete_test_cases, 1, 42) == AccessDecision::forbidden);
  CHECK(authorize(token, Permission::create_projects, 1) == AccessDecision::forbidden);
  CHECK(authorize(token, Permission::read, 2) == AccessDecision::not_found);
}

TEST_CASE("a project token has a role per assigned project and sees nothing else") {
  Principal token = project_token({{3, ProjectRole::manager}, {4, ProjectRole::viewer}});
  CHECK(authorize(token, Permission::update_project, 1, 3) == AccessDecision::granted);
  CHECK(authorize(token, Permission::write_test_cases, 1, 4) == AccessDecision::forbidden);
  CHECK(authorize(token, Permission::read, 1, 4) == AccessDecision::granted);
  CHECK(authorize(token, Permission::read, 1, 5) == AccessDecision::not_found);
  CHECK(authorize(token, Permission::create_projects, 1) == AccessDecision::forbidden);
  CHECK(authorize(token, Permission::read, 1) == AccessDecision::granted);  // list, filtered
}

TEST_CASE("principals name themselves in the access log without secrets") {
  CHECK(person(WorkspaceRole::owner).log_name() == "user:10");
  CHECK(workspace_token(WorkspaceRole::viewer).log_name() == "token:hwz_Ab12Cd34");
}

TEST_CASE("a token is bounded by its owner's current role: the stricter wins") {
  TokenPrincipal manager_token;
  manager_token.token_id = 7;
  manager_token.workspace_id = 1;
  manager_token.workspace_role = WorkspaceRole::manager;

  manager_token.owner_role = WorkspaceRole::manager;
  CHECK(authorize(manager_token, Operation::create_project, 1) == AccessDecision::granted);

  // The owner was demoted to Member: the token may no longer create projects, but may
  // still do what a Member may.
  manager_token.owner_role = WorkspaceRole::member;
  CHECK(authorize(manager_token, Operation::create_project, 1) == AccessDecision::forbidden);
  CHECK(authorize(manager_token, Operation::create_test_case, 1, 3) == AccessDecision::granted);
  CHECK(authorize(manager_token, Operation::delete_test_case, 1, 3) == AccessDecision::forbidden);

  // An Owner's authority never lifts a Viewer token above its own role.
  TokenPrincipal viewer_token = manager_token;
  viewer_token.workspace_role = WorkspaceRole::viewer;
  viewer_token.owner_role = WorkspaceRole::owner;
  CHECK(authorize(viewer_token, Operation::create_test_case, 1, 3) == AccessDecision::forbidden);
  CHECK(authorize(viewer_token, Operation::read_project, 1, 3) == AccessDecision::granted);

  // The owner left the workspace: nothing at all, reading included.
  manager_token.owner_role = std::nullopt;
  CHECK(authorize(manager_token, Operation::read_workspace, 1) == AccessDecision::forbidden);
  // Outside its workspace the answer stays 404, owner or not.
  CHECK(authorize(manager_token, Operation::read_workspace, 2) == AccessDecision::not_found);
}

TEST_CASE("a project token's project role is bounded by its owner's workspace role") {
  TokenPrincipal token;
  token.token_id = 8;
  token.workspace_id = 1;
  token.project_roles = {{3, ProjectRole::manager}};
  token.owner_role = WorkspaceRole::coordinator;
  CHECK(authorize(token, Operation::update_project, 1, 3) == AccessDecision::granted);
  token.owner_role = WorkspaceRole::member;
  CHECK(authorize(token, Operation::update_project, 1, 3) == AccessDecision::forbidden);
  CHECK(authorize(token, Operation::update_test_case, 1, 3) == AccessDecision::granted);
  token.owner_role = WorkspaceRole::viewer;
  CHECK(authorize(token, Operation::update_test_case, 1, 3) == AccessDecision::forbidden);
  // An unassigned project stays 404 whatever the owner's role.
  CHECK(authorize(token, Operation::read_project, 1, 4) == AccessDecision::not_found);
}

TEST_CASE("members: listed by people and workspace tokens, changed by Owners in the web app") {
  CHECK(authorize(person(WorkspaceRole::viewer), Operation::list_members, 1) ==
        AccessDecision::granted);
  CHECK(authorize(workspace_token(WorkspaceRole::viewer), Operation::list_members, 1) ==
        AccessDecision::granted);
  CHECK(authorize(project_token({{3, ProjectRole::manager}}), Operation::list_members, 1) ==
        AccessDecision::forbidden);
  CHECK(authorize(project_token({{3, ProjectRole::manager}}), Operation::list_members, 2) ==
        AccessDecision::not_found);
  for (Operation operation : {Operation::change_member_role, Operation::remove_member}) {
    INFO(operation_name(operation));
    CHECK(authorize(person(WorkspaceRole::owner), operation, 1) == AccessDecision::granted);
    CHECK(authorize(person(WorkspaceRole::manager), operation, 1) == AccessDecision::forbidden);
    CHECK(authorize(workspace_token(WorkspaceRole::manager), operation, 1) ==
          AccessDecision::forbidden);
    CHECK(authorize(person(WorkspaceRole::owner), operation, 2) == AccessDecision::not_found);
  }
}
