#include "store/audit_store.h"

namespace hawzu::server {

void AuditStore::append(const AuditEntry &entry) {
  Statement statement = db_.prepare(
      "INSERT INTO audit_log (time, workspace_id, actor_user_id, actor_token_id, action, "
      "target_type, target_id, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  statement.bind(1, entry.time)
      .bind(2, entry.workspace_id)
      .bind(3, entry.actor_user_id)
      .bind(4, entry.actor_token_id)
      .bind(5, entry.action)
      .bind(8, entry.details.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace))
      .bind(7, entry.target_id);
  if (entry.target_type.empty())
    statement.bind_null(6);
  else
    statement.bind(6, entry.target_type);
  statement.run();
}

std::vector<AuditEntry> AuditStore::recent(std::optional<std::int64_t> workspace_id, int limit) {
  Statement statement = db_.prepare(
      "SELECT time, workspace_id, actor_user_id, actor_token_id, action, target_type, target_id, "
      "details FROM audit_log WHERE (CAST(?1 AS BIGINT) IS NULL OR workspace_id = ?1) ORDER BY id "
      "DESC LIMIT ?2");
  statement.bind(1, workspace_id).bind(2, limit);
  std::vector<AuditEntry> entries;
  while (statement.step()) {
    AuditEntry entry;
    entry.time = statement.column_int64(0);
    entry.workspace_id = statement.column_optional_int64(1);
    entry.actor_user_id = statement.column_optional_int64(2);
    entry.actor_token_id = statement.column_optional_int64(3);
    entry.action = statement.column_text(4);
    entry.target_type = statement.column_optional_text(5).value_or("");
    entry.target_id = statement.column_optional_int64(6);
    entry.details = nlohmann::json::parse(statement.column_text(7), nullptr, false);
    entries.push_back(std::move(entry));
  }
  return entries;
}

}  // namespace hawzu::server
