// Projects of a workspace. Names are unique in a workspace ignoring case (shared
// token_name_key(), the index projects_unique_name_key). Test cases
// live in test_case_store.h. Not thread-safe.
#pragma once

#include "db/database.h"

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace hawzu::server {

struct ProjectRecord {
  std::int64_t id = 0;
  std::int64_t workspace_id = 0;
  std::string name;
  std::string description;
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
};

class ProjectStore {
 public:
  explicit ProjectStore(Connection &connection) : db_(connection) {}

  // REQUIRES: the name is not taken (see name_taken(); the unique index would throw).
  // (The default is "", not {}: a null string_view would be stored as NULL.)
  std::int64_t insert_project(std::int64_t workspace_id, std::string_view name, std::int64_t now,
                              std::string_view description = "");

  std::optional<ProjectRecord> find_in_workspace(std::int64_t workspace_id,
                                                 std::int64_t project_id);

  // Whether a project of the workspace other than `except_project_id` has this name,
  // by the name key (shared token_name_key: full Unicode case folding).
  bool name_taken(std::int64_t workspace_id, std::string_view name,
                  std::int64_t except_project_id = 0);

  // Writes name, description and updated_at. REQUIRES: the name is not taken.
  void update_project(const ProjectRecord &project);

  // The workspace's projects, by name (case-insensitively), then id.
  std::vector<ProjectRecord> list_in_workspace(std::int64_t workspace_id);

  // Which of `project_ids` are projects of the workspace.
  std::set<std::int64_t> existing_in_workspace(std::int64_t workspace_id,
                                               const std::vector<std::int64_t> &project_ids);

 private:
  Connection &db_;
};

}  // namespace hawzu::server
