// The access_token_policies table: each workspace's token policy
// (shared/token_policy.h). A workspace without a row has the default policy. SQL only.
#pragma once

#include "db/database.h"
#include "shared/token_policy.h"

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

namespace hawzu::server {

struct StoredPolicy {
  TokenPolicy policy;
  std::optional<std::int64_t> updated_by;  // nullopt: never set (the default policy)
  std::optional<std::int64_t> updated_at;
};

class PolicyStore {
 public:
  explicit PolicyStore(Connection &connection) : db_(connection) {}

  // The workspace's policy, the default when none was ever set.
  StoredPolicy find(std::int64_t workspace_id);
  TokenPolicy policy_of(std::int64_t workspace_id) { return find(workspace_id).policy; }

  void save(std::int64_t workspace_id, const TokenPolicy &policy, std::int64_t updated_by,
            std::int64_t now);

  // Every workspace with its policy (the default for those without a row), by id: what
  // the sweeper walks.
  std::vector<std::pair<std::int64_t, TokenPolicy>> all_workspaces();

 private:
  Connection &db_;
};

}  // namespace hawzu::server
