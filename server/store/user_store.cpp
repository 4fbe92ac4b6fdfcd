#include "store/user_store.h"

namespace hawzu::server {
namespace {

UserRecord read_user(const Statement &row) {
  return {row.column_int64(0), row.column_text(1), row.column_text(2), row.column_text(3)};
}

}  // namespace

std::optional<UserRecord> UserStore::find_by_email(std::string_view email) {
  Statement statement =
      db_.prepare("SELECT id, email, name, password_hash FROM users WHERE email = ?");
  statement.bind(1, email);
  if (!statement.step()) return std::nullopt;
  return read_user(statement);
}

std::optional<UserRecord> UserStore::find_by_id(std::int64_t user_id) {
  Statement statement =
      db_.prepare("SELECT id, email, name, password_hash FROM users WHERE id = ?");
  statement.bind(1, user_id);
  if (!statement.step()) return std::nullopt;
  return read_user(statement);
}

std::int64_t UserStore::count() {
  Statement statement = db_.prepare("SELECT count(*) FROM users");
  statement.step();
  return statement.column_int64(0);
}

std::int64_t UserStore::insert(std::string_view email, std::string_view name,
                               std::string_view password_hash, std::int64_t now) {
  db_.prepare(
         "INSERT INTO users (email, name, password_hash, created_at, updated_at) "
         "VALUES (?, ?, ?, ?, ?)")
      .bind(1, email)
      .bind(2, name)
      .bind(3, password_hash)
      .bind(4, now)
      .bind(5, now)
      .run();
  return db_.last_insert_id();
}

void UserStore::update_password_hash(std::int64_t user_id, std::string_view password_hash,
                                     std::int64_t now) {
  db_.prepare("UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?")
      .bind(1, password_hash)
      .bind(2, now)
      .bind(3, user_id)
      .run();
}

}  // namespace hawzu::server
