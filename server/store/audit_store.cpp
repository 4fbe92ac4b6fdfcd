#include "store/audit_store.h"

#include <cassert>

namespace hawzu::server {
namespace {

// "'a', 'b'": the stored action names, which are the server's own constants (never
// request text), as SQL literals.
std::string sql_list(const std::vector<std::string> &names) {
  std::string list;
  for (const std::string &name : names) {
    assert(name.find('\'') == std::string::npos);
    if (!list.empty()) list += ", ";
    list += "'" + name + "'";
  }
  return list;
}

// The columns read_entry() reads, in its order.
constexpr const char *kEntryColumns =
    "a.time, a.workspace_id, a.actor_user_id, a.actor_token_id, a.action, a.target_type, "
    "a.target_id, a.details, a.ip";

AuditEntry read_entry(const Statement &row, int first) {
  AuditEntry entry;
  entry.time = row.column_int64(first);
  entry.workspace_id = row.column_optional_int64(first + 1);
  entry.actor_user_id = row.column_optional_int64(first + 2);
  entry.actor_token_id = row.column_optional_int64(first + 3);
  entry.action = row.column_text(first + 4);
  entry.target_type = row.column_optional_text(first + 5).value_or("");
  entry.target_id = row.column_optional_int64(first + 6);
  entry.details = nlohmann::json::parse(row.column_text(first + 7), nullptr, false);
  if (!entry.details.is_object()) entry.details = nlohmann::json::object();
  entry.ip = row.column_optional_text(first + 8).value_or("");
  return entry;
}

// An entry's optional texts are empty when absent; the table stores NULL for them.
void bind_text_or_null(Statement &statement, int index, const std::string &text) {
  if (text.empty())
    statement.bind_null(index);
  else
    statement.bind(index, text);
}

}  // namespace

void AuditStore::append(const AuditEntry &entry) {
  Statement statement = db_.prepare(
      "INSERT INTO audit_log (time, workspace_id, actor_user_id, actor_token_id, action, "
      "target_type, target_id, details, ip) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  statement.bind(1, entry.time)
      .bind(2, entry.workspace_id)
      .bind(3, entry.actor_user_id)
      .bind(4, entry.actor_token_id)
      .bind(5, entry.action)
      .bind(8, entry.details.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace))
      .bind(7, entry.target_id);
  bind_text_or_null(statement, 6, entry.target_type);
  bind_text_or_null(statement, 9, entry.ip);
  statement.run();
}

std::vector<AuditEntry> AuditStore::recent(std::optional<std::int64_t> workspace_id, int limit) {
  Statement statement = db_.prepare("SELECT " + std::string(kEntryColumns) +
                                    " FROM audit_log a WHERE (CAST(?1 AS BIGINT) IS NULL OR "
                                    "a.workspace_id = ?1) ORDER BY a.id DESC LIMIT ?2");
  statement.bind(1, workspace_id).bind(2, limit);
  std::vector<AuditEntry> entries;
  while (statement.step()) entries.push_back(read_entry(statement, 0));
  return entries;
}

std::vector<AuditRecord> AuditStore::list(const AuditFilter &filter) {
  assert(!filter.actions.empty());
  const std::string actions = sql_list(filter.actions);
  // Names are joined in, not copied into the row: a renamed token shows its new name.
  Statement statement = db_.prepare(
      "SELECT a.id, " + std::string(kEntryColumns) +
      ", "
      "COALESCE(actor_user.name, actor_token.name, ''), "
      "COALESCE(target_user.name, target_token.name, '') "
      "FROM audit_log a "
      "LEFT JOIN users actor_user ON actor_user.id = a.actor_user_id "
      "LEFT JOIN access_tokens actor_token ON actor_token.id = a.actor_token_id "
      "LEFT JOIN users target_user ON a.target_type = 'user' AND target_user.id = a.target_id "
      "LEFT JOIN access_tokens target_token ON a.target_type = 'access_token' AND target_token.id "
      "= a.target_id "
      "WHERE a.action IN (" +
      actions +
      ") "
      "AND (a.workspace_id = ?1 OR (a.workspace_id IS NULL AND a.target_type = 'user' AND "
      "a.target_id IN (SELECT user_id FROM memberships WHERE workspace_id = ?1))) "
      "AND (CAST(?2 AS BIGINT) IS NULL OR (a.target_type = 'access_token' AND a.target_id = ?2)) "
      "AND (CAST(?3 AS BIGINT) IS NULL OR a.actor_user_id = ?3) "
      "AND (CAST(?4 AS BIGINT) IS NULL OR a.time >= ?4) "
      "AND (CAST(?5 AS BIGINT) IS NULL OR a.time <= ?5) "
      "AND (CAST(?6 AS BIGINT) IS NULL OR a.id < ?6) "
      "ORDER BY a.id DESC LIMIT ?7");
  statement.bind(1, filter.workspace_id)
      .bind(2, filter.token_id)
      .bind(3, filter.actor_user_id)
      .bind(4, filter.from)
      .bind(5, filter.to)
      .bind(6, filter.before_id)
      .bind(7, filter.limit);
  std::vector<AuditRecord> records;
  while (statement.step()) {
    AuditRecord record;
    record.id = statement.column_int64(0);
    record.entry = read_entry(statement, 1);
    record.actor_name = statement.column_text(10);
    record.target_name = statement.column_text(11);
    records.push_back(std::move(record));
  }
  return records;
}

}  // namespace hawzu::server
