#include "store/member_store.h"

namespace hawzu::server {
namespace {

const char *const kSelectMember =
    "SELECT u.id, u.name, u.email, m.role FROM memberships m JOIN users u ON u.id = m.user_id ";

MemberRecord read_member(const Statement &row) {
  MemberRecord member;
  member.user_id = row.column_int64(0);
  member.name = row.column_text(1);
  member.email = row.column_text(2);
  // A CHECK constraint keeps the column to the five role names.
  member.role = parse_workspace_role(row.column_text(3)).value_or(WorkspaceRole::viewer);
  return member;
}

}  // namespace

std::vector<MemberRecord> MemberStore::list(std::int64_t workspace_id) {
  Statement statement = db_.prepare(std::string(kSelectMember) +
                                    "WHERE m.workspace_id = ? ORDER BY u.name_key, u.id");
  statement.bind(1, workspace_id);
  std::vector<MemberRecord> members;
  while (statement.step()) members.push_back(read_member(statement));
  return members;
}

std::optional<MemberRecord> MemberStore::find(std::int64_t workspace_id, std::int64_t user_id) {
  Statement statement =
      db_.prepare(std::string(kSelectMember) + "WHERE m.workspace_id = ? AND m.user_id = ?");
  statement.bind(1, workspace_id).bind(2, user_id);
  if (!statement.step()) return std::nullopt;
  return read_member(statement);
}

std::int64_t MemberStore::count_with_role(std::int64_t workspace_id, WorkspaceRole role) {
  Statement statement =
      db_.prepare("SELECT COUNT(*) FROM memberships WHERE workspace_id = ? AND role = ?");
  statement.bind(1, workspace_id).bind(2, wire_name(role));
  statement.step();
  return statement.column_int64(0);
}

void MemberStore::set_role(std::int64_t workspace_id, std::int64_t user_id, WorkspaceRole role) {
  db_.prepare("UPDATE memberships SET role = ? WHERE workspace_id = ? AND user_id = ?")
      .bind(1, wire_name(role))
      .bind(2, workspace_id)
      .bind(3, user_id)
      .run();
}

void MemberStore::remove(std::int64_t workspace_id, std::int64_t user_id) {
  db_.prepare("DELETE FROM memberships WHERE workspace_id = ? AND user_id = ?")
      .bind(1, workspace_id)
      .bind(2, user_id)
      .run();
}

}  // namespace hawzu::server
