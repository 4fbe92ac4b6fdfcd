// People: accounts with an email, a display name and an Argon2id password hash.
// Emails are unique ignoring ASCII case (stored folded); names carry the folded key
// that search compares with (shared token_name_key()). Not thread-safe.
#pragma once

#include "db/database.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hawzu::server {

struct UserRecord {
  std::int64_t id = 0;
  std::string email;
  std::string name;
  std::string password_hash;
};

class UserStore {
 public:
  explicit UserStore(Connection &connection) : db_(connection) {}

  std::optional<UserRecord> find_by_email(std::string_view email);
  std::optional<UserRecord> find_by_id(std::int64_t user_id);
  std::int64_t count();

  // Returns the new user's id. Throws DatabaseError (unique violation) when the email
  // is taken.
  std::int64_t insert(std::string_view email, std::string_view name, std::string_view password_hash,
                      std::int64_t now);
  void update_password_hash(std::int64_t user_id, std::string_view password_hash, std::int64_t now);

 private:
  Connection &db_;
};

}  // namespace hawzu::server
