// hawzu-role-catalogue: prints the role catalogue of shared/roles.h as JSON on standard
// output, so tests written in other languages derive their expectations from the same
// rules the server enforces instead of a copy of them. The authorization-matrix test
// (tests/http/authorization_matrix.test.js) runs it.
//
//   {"permissions": ["read", ...],
//    "workspace_roles": [{"role": "workspace_owner", "name": "Workspace Owner", "rank": 5,
//                         "assignable_to_token": false, "allows": {"read": true, ...}}, ...],
//    "project_roles": [{"role": "project_manager", "name": "Project Manager", "rank": 4,
//                       "allows": {"read": true, ...}}, ...]}
//
// Roles are listed highest rank first, as the catalogue orders them.
#include "shared/roles.h"

#include <nlohmann/json.hpp>

#include <iostream>
#include <string>

namespace {

template <typename Role>
nlohmann::json allowed_permissions(Role role) {
  nlohmann::json allowed = nlohmann::json::object();
  for (hawzu::Permission permission : hawzu::all_permissions())
    allowed[std::string(hawzu::wire_name(permission))] = hawzu::allows(role, permission);
  return allowed;
}

}  // namespace

int main() {
  using namespace hawzu;
  nlohmann::json permissions = nlohmann::json::array();
  for (Permission permission : all_permissions())
    permissions.push_back(std::string(wire_name(permission)));

  nlohmann::json workspace_roles = nlohmann::json::array();
  for (WorkspaceRole role : all_workspace_roles())
    workspace_roles.push_back({{"role", std::string(wire_name(role))},
                               {"name", std::string(display_name(role))},
                               {"rank", rank(role)},
                               {"assignable_to_token", is_assignable_to_token(role)},
                               {"allows", allowed_permissions(role)}});

  nlohmann::json project_roles = nlohmann::json::array();
  for (ProjectRole role : all_project_roles())
    project_roles.push_back({{"role", std::string(wire_name(role))},
                             {"name", std::string(display_name(role))},
                             {"rank", rank(role)},
                             {"allows", allowed_permissions(role)}});

  const nlohmann::json catalogue = {{"permissions", permissions},
                                    {"workspace_roles", workspace_roles},
                                    {"project_roles", project_roles}};
  std::cout << catalogue.dump(2) << '\n';
  return std::cout.good() ? 0 : 1;
}
