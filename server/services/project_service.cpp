#include "services/project_service.h"

#include "auth/authorization.h"
#include "services/project_request.h"
#include "services/resource_access.h"
#include "store/audit_store.h"

#include <nlohmann/json.hpp>

namespace hawzu::server {
namespace {

ServiceError project_name_taken() {
  const char *message = "A project with this name already exists in this workspace.";
  return {ErrorKind::conflict, "name_taken", message, {{"name", message}}, 0};
}

}  // namespace

Result<std::vector<ProjectRecord>> ProjectService::list(const Principal &principal,
                                                        std::int64_t workspace_id) {
  const AccessDecision decision = authorize(principal, Operation::list_projects, workspace_id);
  if (decision != AccessDecision::granted) return workspace_refusal(principal, decision);
  Database::Lease connection = database_.connect();
  std::vector<ProjectRecord> readable;
  for (ProjectRecord &project : ProjectStore(*connection).list_in_workspace(workspace_id))
    if (authorize(principal, Operation::read_project, workspace_id, project.id) ==
        AccessDecision::granted)
      readable.push_back(std::move(project));
  return readable;
}

Result<ProjectRecord> ProjectService::create(const Principal &principal, std::int64_t workspace_id,
                                             const ProjectRequest &request) {
  const AccessDecision decision = authorize(principal, Operation::create_project, workspace_id);
  if (decision != AccessDecision::granted) return workspace_refusal(principal, decision);
  if (!request.errors.empty()) return invalid_fields(request.errors);
  const ProjectChanges &changes = request.changes;

  Database::Lease connection = database_.connect();
  Transaction transaction(*connection);
  ProjectStore projects(*connection);
  if (projects.name_taken(workspace_id, *changes.name)) return project_name_taken();
  const std::int64_t now = clock_.now();
  const std::int64_t project_id = projects.insert_project(
      workspace_id, *changes.name, now, changes.description.value_or(std::string()));
  AuditEntry entry =
      resource_audit(principal, workspace_id, "project.create", "project", project_id, now);
  entry.details = {{"name", *changes.name}};
  AuditStore(*connection).append(entry);
  std::optional<ProjectRecord> created = projects.find_in_workspace(workspace_id, project_id);
  transaction.commit();
  return std::move(*created);
}

Result<ProjectRecord> ProjectService::get(const Principal &principal, std::int64_t workspace_id,
                                          std::int64_t project_id) {
  Database::Lease connection = database_.connect();
  ProjectStore projects(*connection);
  return open_project(projects, principal, Operation::read_project, workspace_id, project_id);
}

Result<ProjectRecord> ProjectService::update(const Principal &principal, std::int64_t workspace_id,
                                             std::int64_t project_id,
                                             const ProjectRequest &request) {
  if (std::optional<ServiceError> refused = refusal_before_writing(
          database_, principal, Operation::update_project, workspace_id, project_id))
    return *refused;
  Database::Lease connection = database_.connect();
  Transaction transaction(*connection);
  ProjectStore projects(*connection);
  Result<ProjectRecord> opened =
      open_project(projects, principal, Operation::update_project, workspace_id, project_id);
  if (!opened) return opened;
  if (!request.errors.empty()) return invalid_fields(request.errors);
  const ProjectChanges &changes = request.changes;

  const ProjectRecord &current = opened.value();
  ProjectRecord updated = current;
  if (changes.name) updated.name = *changes.name;
  if (changes.description) updated.description = *changes.description;
  nlohmann::json changed = nlohmann::json::object();
  if (updated.name != current.name)
    changed["name"] = {{"from", current.name}, {"to", updated.name}};
  if (updated.description != current.description) changed["description"] = true;
  if (changed.empty()) return opened;

  if (changed.contains("name") && projects.name_taken(workspace_id, updated.name, project_id))
    return project_name_taken();
  const std::int64_t now = clock_.now();
  updated.updated_at = now;
  projects.update_project(updated);
  AuditEntry entry =
      resource_audit(principal, workspace_id, "project.update", "project", project_id, now);
  entry.details = {{"changes", changed}};
  AuditStore(*connection).append(entry);
  transaction.commit();
  return updated;
}

}  // namespace hawzu::server
