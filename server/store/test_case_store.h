// Test cases of a project, as stored. Every query names the project, so a test case is
// only ever found through the project it belongs to (the services check the project's
// workspace and the caller's access first). Not thread-safe.
#pragma once

#include "db/database.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hawzu::server {

enum class TestCasePriority { low, medium, high, critical };

// "low" | "medium" | "high" | "critical": the API's words, also the stored ones.
std::string_view wire_name(TestCasePriority priority);
std::optional<TestCasePriority> parse_test_case_priority(std::string_view wire);

struct TestCaseFields {
  std::string title;
  std::string description;
  std::string steps;
  std::string expected_result;
  TestCasePriority priority = TestCasePriority::medium;
};

struct TestCaseRecord {
  std::int64_t id = 0;
  std::int64_t project_id = 0;
  TestCaseFields fields;
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
};

struct TestCasePage {
  std::vector<TestCaseRecord> test_cases;
  bool more = false;  // rows follow the last one
};

class TestCaseStore {
 public:
  explicit TestCaseStore(Connection &connection) : db_(connection) {}

  std::int64_t insert(std::int64_t project_id, const TestCaseFields &fields, std::int64_t now);

  std::optional<TestCaseRecord> find(std::int64_t project_id, std::int64_t test_case_id);

  // Up to `limit` test cases of the project with an id above `after_id`, in id order.
  TestCasePage list(std::int64_t project_id, std::int64_t after_id, int limit);

  // Writes every field and updated_at.
  void update(const TestCaseRecord &record);

  // False when there was no such test case.
  bool remove(std::int64_t project_id, std::int64_t test_case_id);

 private:
  Connection &db_;
};

}  // namespace hawzu::server
