#include "store/policy_store.h"

#include <nlohmann/json.hpp>

namespace hawzu::server {
namespace {

const char *const kPolicyColumns =
    "p.max_lifetime_days, p.allow_never_expires, p.disable_after_unused_days, "
    "p.expiry_warning_days";

// Reads the four policy columns starting at `first`; the row was written by save() from
// a checked policy, so a warning list that does not read is treated as none.
TokenPolicy read_policy(const Statement &row, int first) {
  TokenPolicy policy;
  if (row.column_is_null(first + 3)) return policy;  // no row: the default
  std::optional<std::int64_t> max_days = row.column_optional_int64(first);
  if (max_days) policy.max_lifetime_days = static_cast<int>(*max_days);
  policy.allow_never_expires = row.column_int64(first + 1) != 0;
  std::optional<std::int64_t> unused_days = row.column_optional_int64(first + 2);
  if (unused_days) policy.disable_after_unused_days = static_cast<int>(*unused_days);
  policy.expiry_warning_days.clear();
  nlohmann::json days = nlohmann::json::parse(row.column_text(first + 3), nullptr, false);
  if (days.is_array())
    for (const nlohmann::json &day : days)
      if (day.is_number_integer()) policy.expiry_warning_days.push_back(day.get<int>());
  return policy;
}

}  // namespace

StoredPolicy PolicyStore::find(std::int64_t workspace_id) {
  Statement statement = db_.prepare(std::string("SELECT ") + kPolicyColumns +
                                    ", p.updated_by, p.updated_at FROM access_token_policies p "
                                    "WHERE p.workspace_id = ?");
  statement.bind(1, workspace_id);
  StoredPolicy stored;
  if (!statement.step()) return stored;
  stored.policy = read_policy(statement, 0);
  stored.updated_by = statement.column_optional_int64(4);
  stored.updated_at = statement.column_int64(5);
  return stored;
}

void PolicyStore::save(std::int64_t workspace_id, const TokenPolicy &policy,
                       std::int64_t updated_by, std::int64_t now) {
  Statement statement = db_.prepare(
      "INSERT INTO access_token_policies (workspace_id, max_lifetime_days, allow_never_expires, "
      "disable_after_unused_days, expiry_warning_days, updated_by, updated_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (workspace_id) DO UPDATE SET "
      "max_lifetime_days = excluded.max_lifetime_days, "
      "allow_never_expires = excluded.allow_never_expires, "
      "disable_after_unused_days = excluded.disable_after_unused_days, "
      "expiry_warning_days = excluded.expiry_warning_days, updated_by = excluded.updated_by, "
      "updated_at = excluded.updated_at");
  auto days = [](const std::optional<int> &value) -> std::optional<std::int64_t> {
    if (!value) return std::nullopt;
    return static_cast<std::int64_t>(*value);
  };
  statement.bind(1, workspace_id)
      .bind(2, days(policy.max_lifetime_days))
      .bind(3, policy.allow_never_expires ? 1 : 0)
      .bind(4, days(policy.disable_after_unused_days))
      .bind(5, nlohmann::json(policy.expiry_warning_days).dump())
      .bind(6, updated_by)
      .bind(7, now)
      .run();
}

std::vector<std::pair<std::int64_t, TokenPolicy>> PolicyStore::all_workspaces() {
  Statement statement = db_.prepare(std::string("SELECT w.id, ") + kPolicyColumns +
                                    " FROM workspaces w LEFT JOIN access_token_policies p "
                                    "ON p.workspace_id = w.id ORDER BY w.id");
  std::vector<std::pair<std::int64_t, TokenPolicy>> all;
  while (statement.step()) all.emplace_back(statement.column_int64(0), read_policy(statement, 1));
  return all;
}

}  // namespace hawzu::server
