#include "store/project_store.h"

#include "shared/access_token_request.h"

#include <nlohmann/json.hpp>

#include <cassert>

namespace hawzu::server {

namespace {

const std::string kSelectProject =
    "SELECT id, workspace_id, name, description, created_at, updated_at FROM projects ";

ProjectRecord read_project(const Statement &row) {
  return {row.column_int64(0), row.column_int64(1), row.column_text(2),
          row.column_text(3),  row.column_int64(4), row.column_int64(5)};
}

}  // namespace

std::int64_t ProjectStore::insert_project(std::int64_t workspace_id, std::string_view name,
                                          std::int64_t now, std::string_view description) {
  assert(!name_taken(workspace_id, name));
  Statement statement = db_.prepare(
      "INSERT INTO projects (workspace_id, name, name_key, description, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?) RETURNING id");
  statement.bind(1, workspace_id)
      .bind(2, name)
      .bind(3, token_name_key(name))
      .bind(4, description)
      .bind(5, now)
      .bind(6, now);
  statement.step();
  return statement.column_int64(0);
}

std::vector<ProjectRecord> ProjectStore::list_in_workspace(std::int64_t workspace_id) {
  Statement statement =
      db_.prepare(kSelectProject + "WHERE workspace_id = ? ORDER BY name_key, id");
  statement.bind(1, workspace_id);
  std::vector<ProjectRecord> projects;
  while (statement.step()) projects.push_back(read_project(statement));
  return projects;
}

std::optional<ProjectRecord> ProjectStore::find_in_workspace(std::int64_t workspace_id,
                                                             std::int64_t project_id) {
  Statement statement = db_.prepare(kSelectProject + "WHERE id = ? AND workspace_id = ?");
  statement.bind(1, project_id).bind(2, workspace_id);
  if (!statement.step()) return std::nullopt;
  return read_project(statement);
}

bool ProjectStore::name_taken(std::int64_t workspace_id, std::string_view name,
                              std::int64_t except_project_id) {
  Statement statement =
      db_.prepare("SELECT 1 FROM projects WHERE workspace_id = ? AND name_key = ? AND id != ?");
  statement.bind(1, workspace_id).bind(2, token_name_key(name)).bind(3, except_project_id);
  return statement.step();
}

void ProjectStore::update_project(const ProjectRecord &project) {
  assert(!name_taken(project.workspace_id, project.name, project.id));
  db_.prepare(
         "UPDATE projects SET name = ?, name_key = ?, description = ?, updated_at = ? "
         "WHERE id = ? AND workspace_id = ?")
      .bind(1, project.name)
      .bind(2, token_name_key(project.name))
      .bind(3, project.description)
      .bind(4, project.updated_at)
      .bind(5, project.id)
      .bind(6, project.workspace_id)
      .run();
}

std::set<std::int64_t> ProjectStore::existing_in_workspace(
    std::int64_t workspace_id, const std::vector<std::int64_t> &project_ids) {
  // One statement for any number of ids: the ids travel as a JSON array.
  Statement statement = db_.prepare(
      "SELECT id FROM projects WHERE workspace_id = ? "
      "AND id IN (" +
      db_.id_list_sql("?") + ")");
  statement.bind(1, workspace_id).bind(2, nlohmann::json(project_ids).dump());
  std::set<std::int64_t> found;
  while (statement.step()) found.insert(statement.column_int64(0));
  return found;
}

}  // namespace hawzu::server
