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
  return principal;
}

Principal project_token(std::map<std::int64_t, ProjectRole> grants) {
  TokenPrincipal principal;
  principal.token_id = 6;
  principal.identifier = "hwz_Zz99Yy88";
  principal.workspace_id = 1;
  principal.project_roles = std::move(grants);
  return principal;
}

const std::vector<Operation> kTokenManagement = {
    Operation::read_access_token_options, Operation::list_access_tokens,
    Operation::read_access_token,         Operation::create_access_token,
    Operation::edit_access_token,         Operation::disable_access_token,
    Operation::enable_access_token,       Operation::revoke_access_token};

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
