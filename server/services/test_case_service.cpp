#include "services/test_case_service.h"

#include "auth/authorization.h"
#include "services/id_cursor.h"
#include "services/resource_access.h"
#include "store/audit_store.h"
#include "store/project_store.h"

#include <nlohmann/json.hpp>

namespace hawzu::server {
namespace {

// The audit trail names what changed, not the texts themselves (they can be long).
nlohmann::json changed_fields(const TestCaseFields &before, const TestCaseFields &after) {
  nlohmann::json changed = nlohmann::json::array();
  if (before.title != after.title) changed.push_back("title");
  if (before.description != after.description) changed.push_back("description");
  if (before.steps != after.steps) changed.push_back("steps");
  if (before.expected_result != after.expected_result) changed.push_back("expected_result");
  if (before.priority != after.priority) changed.push_back("priority");
  return changed;
}

}  // namespace

Result<TestCaseList> TestCaseService::list(const Principal &principal, std::int64_t workspace_id,
                                           std::int64_t project_id,
                                           const TestCaseListQuery &query) {
  Database::Lease connection = database_.connect();
  ReadTransaction snapshot(*connection);
  ProjectStore projects(*connection);
  Result<ProjectRecord> project =
      open_project(projects, principal, Operation::list_test_cases, workspace_id, project_id);
  if (!project) return project.error();
  TestCasePage page = TestCaseStore(*connection).list(project_id, query.after_id, query.limit);
  TestCaseList list;
  if (page.more) list.next_cursor = encode_id_cursor(page.test_cases.back().id);
  list.test_cases = std::move(page.test_cases);
  return list;
}

Result<TestCaseRecord> TestCaseService::create(const Principal &principal,
                                               std::int64_t workspace_id, std::int64_t project_id,
                                               const TestCaseRequest &request) {
  if (std::optional<ServiceError> refused = refusal_before_writing(
          database_, principal, Operation::create_test_case, workspace_id, project_id))
    return *refused;
  Database::Lease connection = database_.connect();
  Transaction transaction(*connection);
  ProjectStore projects(*connection);
  Result<ProjectRecord> project =
      open_project(projects, principal, Operation::create_test_case, workspace_id, project_id);
  if (!project) return project.error();
  if (!request.errors.empty()) return invalid_fields(request.errors);
  const TestCaseChanges &changes = request.changes;

  const std::int64_t now = clock_.now();
  TestCaseStore test_cases(*connection);
  const std::int64_t test_case_id =
      test_cases.insert(project_id, changes.applied_to(TestCaseFields{}), now);
  AuditEntry entry =
      resource_audit(principal, workspace_id, "test_case.create", "test_case", test_case_id, now);
  entry.details = {{"project_id", project_id}, {"title", *changes.title}};
  AuditStore(*connection).append(entry);
  std::optional<TestCaseRecord> created = test_cases.find(project_id, test_case_id);
  transaction.commit();
  return std::move(*created);
}

Result<TestCaseRecord> TestCaseService::get(const Principal &principal, std::int64_t workspace_id,
                                            std::int64_t project_id, std::int64_t test_case_id) {
  Database::Lease connection = database_.connect();
  ReadTransaction snapshot(*connection);
  ProjectStore projects(*connection);
  Result<ProjectRecord> project =
      open_project(projects, principal, Operation::read_test_case, workspace_id, project_id);
  if (!project) return project.error();
  std::optional<TestCaseRecord> test_case =
      TestCaseStore(*connection).find(project_id, test_case_id);
  if (!test_case) return test_case_not_found();
  return std::move(*test_case);
}

Result<TestCaseRecord> TestCaseService::update(const Principal &principal,
                                               std::int64_t workspace_id, std::int64_t project_id,
                                               std::int64_t test_case_id,
                                               const TestCaseRequest &request) {
  if (std::optional<ServiceError> refused = refusal_before_writing(
          database_, principal, Operation::update_test_case, workspace_id, project_id))
    return *refused;
  Database::Lease connection = database_.connect();
  Transaction transaction(*connection);
  ProjectStore projects(*connection);
  Result<ProjectRecord> project =
      open_project(projects, principal, Operation::update_test_case, workspace_id, project_id);
  if (!project) return project.error();
  TestCaseStore test_cases(*connection);
  std::optional<TestCaseRecord> current = test_cases.find(project_id, test_case_id);
  if (!current) return test_case_not_found();
  if (!request.errors.empty()) return invalid_fields(request.errors);
  const TestCaseChanges &changes = request.changes;

  TestCaseRecord updated = *current;
  updated.fields = changes.applied_to(current->fields);
  const nlohmann::json changed = changed_fields(current->fields, updated.fields);
  if (changed.empty()) return std::move(*current);
  const std::int64_t now = clock_.now();
  updated.updated_at = now;
  test_cases.update(updated);
  AuditEntry entry =
      resource_audit(principal, workspace_id, "test_case.update", "test_case", test_case_id, now);
  entry.details = {{"project_id", project_id}, {"changed", changed}};
  AuditStore(*connection).append(entry);
  transaction.commit();
  return updated;
}

Result<Done> TestCaseService::remove(const Principal &principal, std::int64_t workspace_id,
                                     std::int64_t project_id, std::int64_t test_case_id) {
  if (std::optional<ServiceError> refused = refusal_before_writing(
          database_, principal, Operation::delete_test_case, workspace_id, project_id))
    return *refused;
  Database::Lease connection = database_.connect();
  Transaction transaction(*connection);
  ProjectStore projects(*connection);
  Result<ProjectRecord> project =
      open_project(projects, principal, Operation::delete_test_case, workspace_id, project_id);
  if (!project) return project.error();
  TestCaseStore test_cases(*connection);
  std::optional<TestCaseRecord> current = test_cases.find(project_id, test_case_id);
  if (!current) return test_case_not_found();
  const std::int64_t now = clock_.now();
  test_cases.remove(project_id, test_case_id);
  AuditEntry entry =
      resource_audit(principal, workspace_id, "test_case.delete", "test_case", test_case_id, now);
  entry.details = {{"project_id", project_id}, {"title", current->fields.title}};
  AuditStore(*connection).append(entry);
  transaction.commit();
  return Done{};
}

}  // namespace hawzu::server
