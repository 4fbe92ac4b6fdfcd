// The audit log: one row per sign-in and per access-token lifecycle change
// (docs/product.md#tokens). Rows are only ever appended. `details` never holds a secret: no token,
// no password, no session id. Not thread-safe.
#pragma once

#include "db/database.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hawzu::server {

struct AuditEntry {
  std::int64_t time = 0;
  std::optional<std::int64_t> workspace_id;
  std::optional<std::int64_t> actor_user_id;
  std::optional<std::int64_t> actor_token_id;
  std::string action;       // "access_token.create", "session.sign_in", ...
  std::string target_type;  // "access_token", "user", "session"; empty: none
  std::optional<std::int64_t> target_id;
  nlohmann::json details = nlohmann::json::object();
};

class AuditStore {
 public:
  explicit AuditStore(Connection &connection) : db_(connection) {}

  void append(const AuditEntry &entry);

  // The newest entries first (for tests and a future audit view).
  std::vector<AuditEntry> recent(std::optional<std::int64_t> workspace_id, int limit);

 private:
  Connection &db_;
};

}  // namespace hawzu::server
