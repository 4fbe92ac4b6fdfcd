// The Hawzu API operations in the central table (auth/authorization.h): the permission
// each needs, which credentials it accepts, and how workspace tokens, project tokens
// and people are scoped. The full role × route matrix runs over HTTP in
// tests/http/authorization_matrix.test.js.
#include "auth/authorization.h"

#include <catch2/catch.hpp>

using namespace hawzu;
using namespace hawzu::server;

namespace {

Principal workspace_token(WorkspaceRole role) {
  TokenPrincipal principal;
  principal.token_id = 5;
  principal.identifier = "hwz_Ab12Cd34";
  principal.workspace_id = 1;
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

}  // namespace

// The permissions of docs/product.md#roles-and-permissions.
TEST_CASE("each Hawzu API operation needs the permission of the product's role tables") {
  const std::vector<std::pair<Operation, Permission>> table = {
      {Operation::read_workspace, Permission::read},
      {Operation::list_projects, Permission::read},
      {Operation::create_project, Permission::create_projects},
      {Operation::read_project, Permission::read},
      {Operation::update_project, Permission::update_project},
      {Operation::list_test_cases, Permission::read},
      {Operation::create_test_case, Permission::write_test_cases},
      {Operation::read_test_case, Permission::read},
      {Operation::update_test_case, Permission::write_test_cases},
      {Operation::delete_test_case, Permission::delete_test_cases},
      {Operation::read_own_access_token, Permission::read},
  };
  for (const auto &[operation, permission] : table) {
    INFO(operation_name(operation));
    CHECK(rule_for(operation).permission == permission);
    CHECK_FALSE(rule_for(operation).web_session_only);
    CHECK(rule_for(operation).access_token_only == (operation == Operation::read_own_access_token));
  }
}

TEST_CASE("a project token is refused creating projects, whatever its project roles") {
  const Principal token = project_token({{10, ProjectRole::manager}});
  CHECK(authorize(token, Operation::create_project, 1) == AccessDecision::forbidden);
  CHECK(authorize(token, Operation::list_projects, 1) == AccessDecision::granted);
  CHECK(authorize(token, Operation::list_projects, 2) == AccessDecision::not_found);
}

TEST_CASE("a project token acts per project with that project's role") {
  const Principal token = project_token({{10, ProjectRole::viewer}, {11, ProjectRole::manager}});
  CHECK(authorize(token, Operation::read_project, 1, 10) == AccessDecision::granted);
  CHECK(authorize(token, Operation::update_project, 1, 10) == AccessDecision::forbidden);
  CHECK(authorize(token, Operation::update_project, 1, 11) == AccessDecision::granted);
  CHECK(authorize(token, Operation::delete_test_case, 1, 11) == AccessDecision::granted);
  CHECK(authorize(token, Operation::read_project, 1, 12) == AccessDecision::not_found);
  CHECK(authorize(token, Operation::read_project, 2, 10) == AccessDecision::not_found);
}

TEST_CASE("a workspace token acts with its workspace role in every project of its workspace") {
  const Principal member = workspace_token(WorkspaceRole::member);
  CHECK(authorize(member, Operation::create_test_case, 1, 10) == AccessDecision::granted);
  CHECK(authorize(member, Operation::create_test_case, 1, 99) == AccessDecision::granted);
  CHECK(authorize(member, Operation::delete_test_case, 1, 10) == AccessDecision::forbidden);
  CHECK(authorize(member, Operation::create_project, 1) == AccessDecision::forbidden);
  CHECK(authorize(member, Operation::read_project, 2, 10) == AccessDecision::not_found);
  const Principal coordinator = workspace_token(WorkspaceRole::coordinator);
  CHECK(authorize(coordinator, Operation::create_project, 1) == AccessDecision::granted);
  CHECK(authorize(coordinator, Operation::delete_test_case, 1, 10) == AccessDecision::granted);
}
