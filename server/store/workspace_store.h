// Workspaces and memberships: which people belong to a workspace, each with one
// workspace role. Not thread-safe.
#pragma once

#include "db/database.h"
#include "shared/roles.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hawzu::server {

struct Membership {
  std::int64_t workspace_id = 0;
  std::string workspace_name;
  WorkspaceRole role = WorkspaceRole::viewer;
};

class WorkspaceStore {
 public:
  explicit WorkspaceStore(Connection &connection) : db_(connection) {}

  std::int64_t insert_workspace(std::string_view name, std::int64_t now);
  std::optional<std::int64_t> find_workspace_by_name(std::string_view name);
  std::optional<std::string> workspace_name(std::int64_t workspace_id);

  // Adds the user to the workspace, or changes their role there.
  void set_membership(std::int64_t workspace_id, std::int64_t user_id, WorkspaceRole role,
                      std::int64_t now);

  // The user's workspaces, in id order.
  std::vector<Membership> memberships_of(std::int64_t user_id);

 private:
  Connection &db_;
};

}  // namespace hawzu::server
