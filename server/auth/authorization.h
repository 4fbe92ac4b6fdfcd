// Authorization: the one place that decides whether a principal may do something
// (docs/product.md#roles-and-permissions). Two layers:
//
//   rule_for(Operation)  which permission each API operation needs, and whether only a
//                        web session may perform it. Every route names its operation,
//                        so this table is the whole map from requests to permissions.
//   authorize(...)       whether a principal holds a permission in a workspace (and,
//                        for project tokens, a project), using the shared role
//                        catalogue (shared/roles.h).
//
// Outcomes follow docs/product.md#roles-and-permissions: a workspace or project outside the
// caller's scope is not_found (404, its existence is not revealed); inside the scope but not
// allowed is forbidden (403). Pure functions; thread-safe.
#pragma once

#include "auth/principal.h"
#include "shared/roles.h"

#include <cstdint>
#include <optional>
#include <string_view>

namespace hawzu::server {

enum class Operation {
  // Access-token management (web session only).
  read_access_token_options,
  list_access_tokens,
  read_access_token,
  create_access_token,
  edit_access_token,
  disable_access_token,
  enable_access_token,
  revoke_access_token,
  rotate_access_token,
  // Hawzu API resources (an access token or a web session).
  read_workspace,
  list_projects,
  create_project,
  read_project,
  update_project,
  list_test_cases,
  create_test_case,
  read_test_case,
  update_test_case,
  delete_test_case,
  // The calling access token's own details (an access token only).
  read_own_access_token,
  // Members of the workspace: listed by anyone in it (workspace tokens too), changed by
  // Owners in the web app.
  list_members,
  change_member_role,
  remove_member,
  // The workspace's audit log (Owners and Managers, web session only).
  list_audit_events,
  // The workspace's token policy (Owners change it, Managers read it; web session only).
  read_token_policy,
  change_token_policy,
  // The workspace's webhook: under the token-policy permissions, since it announces
  // what the policy does (Owners change it and send a test event, Managers read it and
  // its deliveries; web session only).
  read_webhook,
  change_webhook,
};

struct OperationRule {
  Permission permission = Permission::read;
  bool web_session_only = false;       // an access token is refused (403) whatever its role
  bool access_token_only = false;      // a web session is refused: a person has no calling token
  bool project_token_refused = false;  // a project token is refused (403): it sees projects only
};

OperationRule rule_for(Operation operation);
std::string_view operation_name(Operation operation);

enum class AccessDecision { granted, not_found, forbidden };

// Whether `principal` holds `permission` in the workspace; for project tokens, in the
// project `project_id` (nullopt: a workspace-level question, e.g. listing projects,
// which project tokens pass for `read` only; the caller then filters to their projects).
AccessDecision authorize(const Principal &principal, Permission permission,
                         std::int64_t workspace_id,
                         std::optional<std::int64_t> project_id = std::nullopt);

// authorize() for an operation, applying its rule (web_session_only and
// access_token_only first).
AccessDecision authorize(const Principal &principal, Operation operation, std::int64_t workspace_id,
                         std::optional<std::int64_t> project_id = std::nullopt);

}  // namespace hawzu::server
