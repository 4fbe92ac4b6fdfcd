// Projects of a workspace and their test cases. Not thread-safe.
#pragma once

#include "db/database.h"

#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace hawzu::server {

struct ProjectRecord {
  std::int64_t id = 0;
  std::int64_t workspace_id = 0;
  std::string name;
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
};

struct TestCaseFields {
  std::string title;
  std::string description;
  std::string steps;
  std::string expected_result;
};

class ProjectStore {
 public:
  explicit ProjectStore(Connection &connection) : db_(connection) {}

  std::int64_t insert_project(std::int64_t workspace_id, std::string_view name, std::int64_t now);

  // The workspace's projects, by name (case-insensitively), then id.
  std::vector<ProjectRecord> list_in_workspace(std::int64_t workspace_id);

  // Which of `project_ids` are projects of the workspace.
  std::set<std::int64_t> existing_in_workspace(std::int64_t workspace_id,
                                               const std::vector<std::int64_t> &project_ids);

  std::int64_t insert_test_case(std::int64_t project_id, const TestCaseFields &fields,
                                std::int64_t now);

 private:
  Connection &db_;
};

}  // namespace hawzu::server
