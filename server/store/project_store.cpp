#include "store/project_store.h"

#include <nlohmann/json.hpp>

namespace hawzu::server {

std::int64_t ProjectStore::insert_project(std::int64_t workspace_id, std::string_view name,
                                          std::int64_t now) {
  db_.prepare(
         "INSERT INTO projects (workspace_id, name, created_at, updated_at) VALUES (?, ?, ?, ?)")
      .bind(1, workspace_id)
      .bind(2, name)
      .bind(3, now)
      .bind(4, now)
      .run();
  return db_.last_insert_id();
}

std::vector<ProjectRecord> ProjectStore::list_in_workspace(std::int64_t workspace_id) {
  Statement statement = db_.prepare(
      "SELECT id, workspace_id, name, created_at, updated_at FROM projects "
      "WHERE workspace_id = ? ORDER BY name COLLATE NOCASE, id");
  statement.bind(1, workspace_id);
  std::vector<ProjectRecord> projects;
  while (statement.step())
    projects.push_back({statement.column_int64(0), statement.column_int64(1),
                        statement.column_text(2), statement.column_int64(3),
                        statement.column_int64(4)});
  return projects;
}

std::set<std::int64_t> ProjectStore::existing_in_workspace(
    std::int64_t workspace_id, const std::vector<std::int64_t> &project_ids) {
  // One statement for any number of ids: the ids travel as a JSON array.
  Statement statement = db_.prepare(
      "SELECT id FROM projects WHERE workspace_id = ? "
      "AND id IN (SELECT value FROM json_each(?))");
  statement.bind(1, workspace_id).bind(2, nlohmann::json(project_ids).dump());
  std::set<std::int64_t> found;
  while (statement.step()) found.insert(statement.column_int64(0));
  return found;
}

std::int64_t ProjectStore::insert_test_case(std::int64_t project_id, const TestCaseFields &fields,
                                            std::int64_t now) {
  db_.prepare(
         "INSERT INTO test_cases (project_id, title, description, steps, expected_result, "
         "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
      .bind(1, project_id)
      .bind(2, fields.title)
      .bind(3, fields.description)
      .bind(4, fields.steps)
      .bind(5, fields.expected_result)
      .bind(6, now)
      .bind(7, now)
      .run();
  return db_.last_insert_id();
}

}  // namespace hawzu::server
