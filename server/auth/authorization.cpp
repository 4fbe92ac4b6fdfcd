#include "auth/authorization.h"

namespace hawzu::server {

OperationRule rule_for(Operation operation) {
  switch (operation) {
    case Operation::read_access_token_options:
    case Operation::list_access_tokens:
    case Operation::read_access_token:
    case Operation::create_access_token:
    case Operation::edit_access_token:
    case Operation::disable_access_token:
    case Operation::enable_access_token:
    case Operation::revoke_access_token:
    case Operation::rotate_access_token:
      // Tokens never manage tokens (docs/product.md#what-it-is); reading the list is management
      // too.
      return {Permission::manage_access_tokens, true};
    case Operation::read_workspace:
    case Operation::list_projects:
    case Operation::read_project:
    case Operation::list_test_cases:
    case Operation::read_test_case:
      return {Permission::read, false};
    case Operation::create_project:
      return {Permission::create_projects, false};
    case Operation::update_project:
      return {Permission::update_project, false};
    case Operation::create_test_case:
    case Operation::update_test_case:
      return {Permission::write_test_cases, false};
    case Operation::delete_test_case:
      return {Permission::delete_test_cases, false};
    case Operation::read_own_access_token:
      return {Permission::read, false, true};
    case Operation::list_members:
      return {Permission::read, false, false, true};
    case Operation::change_member_role:
    case Operation::remove_member:
      return {Permission::manage_members, true};
    case Operation::list_audit_events:
      return {Permission::read_audit_log, true};
    case Operation::read_token_policy:
    case Operation::read_webhook:
      return {Permission::read_token_policy, true};
    case Operation::change_token_policy:
    case Operation::change_webhook:
      return {Permission::manage_token_policy, true};
  }
  return {Permission::manage_access_tokens, true};  // unreachable; the strictest rule
}

std::string_view operation_name(Operation operation) {
  switch (operation) {
    case Operation::read_access_token_options:
      return "read_access_token_options";
    case Operation::list_access_tokens:
      return "list_access_tokens";
    case Operation::read_access_token:
      return "read_access_token";
    case Operation::create_access_token:
      return "create_access_token";
    case Operation::edit_access_token:
      return "edit_access_token";
    case Operation::disable_access_token:
      return "disable_access_token";
    case Operation::enable_access_token:
      return "enable_access_token";
    case Operation::revoke_access_token:
      return "revoke_access_token";
    case Operation::rotate_access_token:
      return "rotate_access_token";
    case Operation::read_workspace:
      return "read_workspace";
    case Operation::list_projects:
      return "list_projects";
    case Operation::create_project:
      return "create_project";
    case Operation::read_project:
      return "read_project";
    case Operation::update_project:
      return "update_project";
    case Operation::list_test_cases:
      return "list_test_cases";
    case Operation::create_test_case:
      return "create_test_case";
    case Operation::read_test_case:
      return "read_test_case";
    case Operation::update_test_case:
      return "update_test_case";
    case Operation::delete_test_case:
      return "delete_test_case";
    case Operation::read_own_access_token:
      return "read_own_access_token";
    case Operation::list_members:
      return "list_members";
    case Operation::change_member_role:
      return "change_member_role";
    case Operation::remove_member:
      return "remove_member";
    case Operation::list_audit_events:
      return "list_audit_events";
    case Operation::read_token_policy:
      return "read_token_policy";
    case Operation::change_token_policy:
      return "change_token_policy";
    case Operation::read_webhook:
      return "read_webhook";
    case Operation::change_webhook:
      return "change_webhook";
  }
  return "";
}

namespace {

// What the token's own roles allow, before its owner's role is considered.
AccessDecision token_roles_decision(const TokenPrincipal &token, Permission permission,
                                    std::optional<std::int64_t> project_id) {
  if (token.workspace_role)
    return allows(*token.workspace_role, permission) ? AccessDecision::granted
                                                     : AccessDecision::forbidden;
  // A project token: per project.
  if (!project_id)
    return permission == Permission::read ? AccessDecision::granted : AccessDecision::forbidden;
  auto grant = token.project_roles.find(*project_id);
  if (grant == token.project_roles.end()) return AccessDecision::not_found;
  return allows(grant->second, permission) ? AccessDecision::granted : AccessDecision::forbidden;
}

}  // namespace

AccessDecision authorize(const Principal &principal, Permission permission,
                         std::int64_t workspace_id, std::optional<std::int64_t> project_id) {
  if (const UserPrincipal *person = principal.user()) {
    std::optional<WorkspaceRole> role = person->role_in(workspace_id);
    if (!role) return AccessDecision::not_found;
    return allows(*role, permission) ? AccessDecision::granted : AccessDecision::forbidden;
  }

  // An access token: scoped to its one workspace.
  const TokenPrincipal &token = *principal.token();
  if (token.workspace_id != workspace_id) return AccessDecision::not_found;
  if (is_web_session_permission(permission)) return AccessDecision::forbidden;
  const AccessDecision by_token_roles = token_roles_decision(token, permission, project_id);
  if (by_token_roles != AccessDecision::granted) return by_token_roles;
  // The owner's current role bounds the token: the stricter of the two wins. A project
  // permission is checked against the workspace permission of the same name (a
  // Viewer's project token cannot write test cases in any project).
  if (!token.owner_role || !allows(*token.owner_role, permission)) return AccessDecision::forbidden;
  return AccessDecision::granted;
}

AccessDecision authorize(const Principal &principal, Operation operation, std::int64_t workspace_id,
                         std::optional<std::int64_t> project_id) {
  const OperationRule rule = rule_for(operation);
  if (rule.access_token_only && principal.is_user()) return AccessDecision::forbidden;
  if (const TokenPrincipal *token = principal.token();
      token && (rule.web_session_only || (rule.project_token_refused && !token->workspace_role))) {
    // Outside its workspace a token learns nothing; inside, it is plainly refused.
    return token->workspace_id == workspace_id ? AccessDecision::forbidden
                                               : AccessDecision::not_found;
  }
  return authorize(principal, rule.permission, workspace_id, project_id);
}

}  // namespace hawzu::server
