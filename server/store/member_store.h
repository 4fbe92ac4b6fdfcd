// The members of a workspace: the people with a membership there, each with their one
// workspace role, and the changes an Owner makes to them. Not thread-safe.
#pragma once

#include "db/database.h"
#include "shared/roles.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hawzu::server {

struct MemberRecord {
  std::int64_t user_id = 0;
  std::string name;
  std::string email;
  WorkspaceRole role = WorkspaceRole::viewer;
};

class MemberStore {
 public:
  explicit MemberStore(Connection &connection) : db_(connection) {}

  // The workspace's members by name (case-folded), then id.
  std::vector<MemberRecord> list(std::int64_t workspace_id);

  std::optional<MemberRecord> find(std::int64_t workspace_id, std::int64_t user_id);

  // How many members of the workspace hold `role`.
  std::int64_t count_with_role(std::int64_t workspace_id, WorkspaceRole role);

  void set_role(std::int64_t workspace_id, std::int64_t user_id, WorkspaceRole role);

  void remove(std::int64_t workspace_id, std::int64_t user_id);

 private:
  Connection &db_;
};

}  // namespace hawzu::server
