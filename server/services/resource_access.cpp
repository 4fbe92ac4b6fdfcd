#include "services/resource_access.h"

#include <cassert>

namespace hawzu::server {

ServiceError workspace_not_found() {
  return {ErrorKind::not_found, "not_found", "There is no such workspace.", {}, 0};
}

ServiceError project_not_found() {
  return {ErrorKind::not_found, "not_found", "There is no such project.", {}, 0};
}

ServiceError test_case_not_found() {
  return {ErrorKind::not_found, "not_found", "There is no such test case.", {}, 0};
}

ServiceError role_refusal(const Principal &principal) {
  if (principal.is_token())
    return {ErrorKind::forbidden,
            "insufficient_scope",
            "The access token's role does not allow this.",
            {},
            0};
  return {ErrorKind::forbidden, "forbidden", "Your role does not allow this.", {}, 0};
}

ServiceError workspace_refusal(const Principal &principal, AccessDecision decision) {
  assert(decision != AccessDecision::granted);
  return decision == AccessDecision::not_found ? workspace_not_found() : role_refusal(principal);
}

Result<ProjectRecord> open_project(ProjectStore &projects, const Principal &principal,
                                   Operation operation, std::int64_t workspace_id,
                                   std::int64_t project_id) {
  const AccessDecision decision = authorize(principal, operation, workspace_id, project_id);
  if (decision == AccessDecision::not_found) return project_not_found();
  std::optional<ProjectRecord> project = projects.find_in_workspace(workspace_id, project_id);
  if (!project) return project_not_found();
  if (decision == AccessDecision::forbidden) return role_refusal(principal);
  return std::move(*project);
}

std::optional<ServiceError> refusal_before_writing(Database &database, const Principal &principal,
                                                   Operation operation, std::int64_t workspace_id,
                                                   std::int64_t project_id) {
  if (authorize(principal, operation, workspace_id, project_id) == AccessDecision::granted)
    return std::nullopt;
  Database::Lease connection = database.connect();
  ProjectStore projects(*connection);
  return open_project(projects, principal, operation, workspace_id, project_id).error();
}

AuditEntry resource_audit(const Principal &principal, std::int64_t workspace_id, std::string action,
                          std::string target_type, std::int64_t target_id, std::int64_t now) {
  AuditEntry entry;
  entry.time = now;
  entry.workspace_id = workspace_id;
  if (const TokenPrincipal *token = principal.token())
    entry.actor_token_id = token->token_id;
  else
    entry.actor_user_id = principal.person().user_id;
  entry.action = std::move(action);
  entry.target_type = std::move(target_type);
  entry.target_id = target_id;
  entry.ip = principal.client_address();
  return entry;
}

}  // namespace hawzu::server
