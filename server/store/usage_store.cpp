// The SQL behind UsageStore (usage_store.h).
#include "store/usage_store.h"

namespace hawzu::server {

void UsageStore::insert_call(std::int64_t token_id, const TokenCall &call) {
  db_.prepare(
         "INSERT INTO access_token_calls (token_id, time, method, route, status, ip, user_agent) "
         "SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7 "
         "WHERE EXISTS (SELECT 1 FROM access_tokens WHERE id = ?1)")
      .bind(1, token_id)
      .bind(2, call.time)
      .bind(3, call.method)
      .bind(4, call.route)
      .bind(5, call.status)
      .bind(6, call.ip)
      .bind(7, call.user_agent)
      .run();
}

void UsageStore::add_daily(std::int64_t token_id, const DailyUse &use) {
  // An upsert that adds: another server's batch for the same day adds its own counts.
  // (The WHERE also keeps SQLite from reading ON CONFLICT as part of the SELECT.)
  db_.prepare(
         "INSERT INTO access_token_daily_use (token_id, day, requests, errors) "
         "SELECT ?1, ?2, ?3, ?4 WHERE EXISTS (SELECT 1 FROM access_tokens WHERE id = ?1) "
         "ON CONFLICT (token_id, day) DO UPDATE SET "
         "requests = access_token_daily_use.requests + excluded.requests, "
         "errors = access_token_daily_use.errors + excluded.errors")
      .bind(1, token_id)
      .bind(2, use.day)
      .bind(3, use.requests)
      .bind(4, use.errors)
      .run();
}

void UsageStore::set_last_used_ip(std::int64_t token_id, const std::string &ip) {
  db_.prepare(
         "UPDATE access_tokens SET last_used_ip = ?1 "
         "WHERE id = ?2 AND (last_used_ip IS NULL OR last_used_ip != ?1)")
      .bind(1, ip)
      .bind(2, token_id)
      .run();
}

void UsageStore::prune(std::int64_t token_id, int keep_calls, std::int64_t first_day) {
  // Everything at or below the id of the (keep_calls + 1)-th newest call; nothing while
  // the token has keep_calls or fewer (the subquery is then NULL). Both are index ranges.
  db_.prepare(
         "DELETE FROM access_token_calls WHERE token_id = ?1 AND id <= "
         "(SELECT id FROM access_token_calls WHERE token_id = ?1 ORDER BY id DESC "
         "LIMIT 1 OFFSET ?2)")
      .bind(1, token_id)
      .bind(2, static_cast<std::int64_t>(keep_calls))
      .run();
  db_.prepare("DELETE FROM access_token_daily_use WHERE token_id = ? AND day < ?")
      .bind(1, token_id)
      .bind(2, first_day)
      .run();
}

std::vector<TokenCall> UsageStore::recent_calls(std::int64_t token_id, int limit) {
  // By id: the order the calls were recorded in (one server's batch is in time order).
  Statement statement = db_.prepare(
      "SELECT time, method, route, status, ip, user_agent FROM access_token_calls "
      "WHERE token_id = ? ORDER BY id DESC LIMIT ?");
  statement.bind(1, token_id).bind(2, static_cast<std::int64_t>(limit));
  std::vector<TokenCall> calls;
  while (statement.step()) {
    TokenCall call;
    call.time = statement.column_int64(0);
    call.method = statement.column_text(1);
    call.route = statement.column_text(2);
    call.status = static_cast<int>(statement.column_int64(3));
    call.ip = statement.column_text(4);
    call.user_agent = statement.column_text(5);
    calls.push_back(std::move(call));
  }
  return calls;
}

std::vector<DailyUse> UsageStore::daily_since(std::int64_t token_id, std::int64_t first_day) {
  Statement statement = db_.prepare(
      "SELECT day, requests, errors FROM access_token_daily_use "
      "WHERE token_id = ? AND day >= ? ORDER BY day");
  statement.bind(1, token_id).bind(2, first_day);
  std::vector<DailyUse> days;
  while (statement.step())
    days.push_back(
        {statement.column_int64(0), statement.column_int64(1), statement.column_int64(2)});
  return days;
}

}  // namespace hawzu::server
