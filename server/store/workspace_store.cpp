#include "store/workspace_store.h"

namespace hawzu::server {

std::int64_t WorkspaceStore::insert_workspace(std::string_view name, std::int64_t now) {
  Statement statement =
      db_.prepare("INSERT INTO workspaces (name, created_at) VALUES (?, ?) RETURNING id");
  statement.bind(1, name).bind(2, now);
  statement.step();
  return statement.column_int64(0);
}

std::optional<std::int64_t> WorkspaceStore::find_workspace_by_name(std::string_view name) {
  Statement statement = db_.prepare("SELECT id FROM workspaces WHERE name = ? ORDER BY id LIMIT 1");
  statement.bind(1, name);
  if (!statement.step()) return std::nullopt;
  return statement.column_int64(0);
}

std::optional<std::string> WorkspaceStore::workspace_name(std::int64_t workspace_id) {
  Statement statement = db_.prepare("SELECT name FROM workspaces WHERE id = ?");
  statement.bind(1, workspace_id);
  if (!statement.step()) return std::nullopt;
  return statement.column_text(0);
}

void WorkspaceStore::set_membership(std::int64_t workspace_id, std::int64_t user_id,
                                    WorkspaceRole role, std::int64_t now) {
  db_.prepare(
         "INSERT INTO memberships (workspace_id, user_id, role, created_at) VALUES (?, ?, ?, ?) "
         "ON CONFLICT (workspace_id, user_id) DO UPDATE SET role = excluded.role")
      .bind(1, workspace_id)
      .bind(2, user_id)
      .bind(3, wire_name(role))
      .bind(4, now)
      .run();
}

std::vector<Membership> WorkspaceStore::memberships_of(std::int64_t user_id) {
  Statement statement = db_.prepare(
      "SELECT w.id, w.name, m.role FROM memberships m JOIN workspaces w ON w.id = m.workspace_id "
      "WHERE m.user_id = ? ORDER BY w.id");
  statement.bind(1, user_id);
  std::vector<Membership> memberships;
  while (statement.step()) {
    std::optional<WorkspaceRole> role = parse_workspace_role(statement.column_text(2));
    if (!role) continue;  // impossible: a CHECK constraint guards the column
    memberships.push_back({statement.column_int64(0), statement.column_text(1), *role});
  }
  return memberships;
}

}  // namespace hawzu::server
