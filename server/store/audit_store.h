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
  std::string ip;  // the client's address; empty: none (start-up steps, the server itself)
};

// A stored entry as the audit-events API lists it: with its id and the current names
// of its actor and target (empty once what they named is gone).
struct AuditRecord {
  std::int64_t id = 0;
  AuditEntry entry;
  std::string actor_name;
  std::string target_name;
};

// Which entries of a workspace to list, newest first. Sign-ins have no workspace: a
// workspace's log shows those of its current members.
struct AuditFilter {
  std::int64_t workspace_id = 0;
  std::vector<std::string> actions;  // stored names; only these are listed (REQUIRES: not empty)
  std::optional<std::int64_t> token_id;  // entries whose target is this token
  std::optional<std::int64_t> actor_user_id;
  std::optional<std::int64_t> from;  // inclusive, Unix seconds
  std::optional<std::int64_t> to;
  std::optional<std::int64_t> before_id;  // keyset: entries older than this one
  int limit = 50;
};

class AuditStore {
 public:
  explicit AuditStore(Connection &connection) : db_(connection) {}

  void append(const AuditEntry &entry);

  // The newest entries first (for tests).
  std::vector<AuditEntry> recent(std::optional<std::int64_t> workspace_id, int limit);

  // Up to filter.limit entries matching the filter, newest (highest id) first.
  std::vector<AuditRecord> list(const AuditFilter &filter);

 private:
  Connection &db_;
};

}  // namespace hawzu::server
