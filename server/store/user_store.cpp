#include "store/user_store.h"

#include "shared/access_token_request.h"

#include <cctype>

namespace hawzu::server {
namespace {

// E-mail addresses are unique and looked up ignoring ASCII case: the store keeps them
// folded, the same on both backends.
std::string email_key(std::string_view email) {
  std::string key(email);
  for (char &c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return key;
}

UserRecord read_user(const Statement &row) {
  return {row.column_int64(0), row.column_text(1), row.column_text(2), row.column_text(3)};
}

}  // namespace

std::optional<UserRecord> UserStore::find_by_email(std::string_view email) {
  Statement statement =
      db_.prepare("SELECT id, email, name, password_hash FROM users WHERE email = ?");
  statement.bind(1, email_key(email));
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
  Statement statement = db_.prepare(
      "INSERT INTO users (email, name, name_key, password_hash, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?) RETURNING id");
  statement.bind(1, email_key(email))
      .bind(2, name)
      .bind(3, token_name_key(name))
      .bind(4, password_hash)
      .bind(5, now)
      .bind(6, now);
  statement.step();
  return statement.column_int64(0);
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
