#include "store/test_case_store.h"

namespace hawzu::server {
namespace {

const std::string kSelectTestCase =
    "SELECT id, project_id, title, description, steps, expected_result, priority, created_at, "
    "updated_at FROM test_cases ";

TestCaseRecord read_test_case(const Statement &row) {
  TestCaseRecord record;
  record.id = row.column_int64(0);
  record.project_id = row.column_int64(1);
  record.fields.title = row.column_text(2);
  record.fields.description = row.column_text(3);
  record.fields.steps = row.column_text(4);
  record.fields.expected_result = row.column_text(5);
  // The column's CHECK constraint allows only the four wire names.
  record.fields.priority =
      parse_test_case_priority(row.column_text(6)).value_or(TestCasePriority::medium);
  record.created_at = row.column_int64(7);
  record.updated_at = row.column_int64(8);
  return record;
}

}  // namespace

std::string_view wire_name(TestCasePriority priority) {
  switch (priority) {
    case TestCasePriority::low:
      return "low";
    case TestCasePriority::medium:
      return "medium";
    case TestCasePriority::high:
      return "high";
    case TestCasePriority::critical:
      return "critical";
  }
  return "medium";
}

std::optional<TestCasePriority> parse_test_case_priority(std::string_view wire) {
  for (TestCasePriority priority : {TestCasePriority::low, TestCasePriority::medium,
                                    TestCasePriority::high, TestCasePriority::critical})
    if (wire_name(priority) == wire) return priority;
  return std::nullopt;
}

std::int64_t TestCaseStore::insert(std::int64_t project_id, const TestCaseFields &fields,
                                   std::int64_t now) {
  Statement statement = db_.prepare(
      "INSERT INTO test_cases (project_id, title, description, steps, expected_result, "
      "priority, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
  statement.bind(1, project_id)
      .bind(2, fields.title)
      .bind(3, fields.description)
      .bind(4, fields.steps)
      .bind(5, fields.expected_result)
      .bind(6, wire_name(fields.priority))
      .bind(7, now)
      .bind(8, now);
  statement.step();
  return statement.column_int64(0);
}

std::optional<TestCaseRecord> TestCaseStore::find(std::int64_t project_id,
                                                  std::int64_t test_case_id) {
  Statement statement = db_.prepare(kSelectTestCase + "WHERE id = ? AND project_id = ?");
  statement.bind(1, test_case_id).bind(2, project_id);
  if (!statement.step()) return std::nullopt;
  return read_test_case(statement);
}

TestCasePage TestCaseStore::list(std::int64_t project_id, std::int64_t after_id, int limit) {
  // One row more than asked tells whether another page follows.
  Statement statement =
      db_.prepare(kSelectTestCase + "WHERE project_id = ? AND id > ? ORDER BY id LIMIT ?");
  statement.bind(1, project_id).bind(2, after_id).bind(3, limit + 1);
  TestCasePage page;
  while (statement.step()) page.test_cases.push_back(read_test_case(statement));
  if (page.test_cases.size() > static_cast<std::size_t>(limit)) {
    page.test_cases.resize(static_cast<std::size_t>(limit));
    page.more = true;
  }
  return page;
}

void TestCaseStore::update(const TestCaseRecord &record) {
  db_.prepare(
         "UPDATE test_cases SET title = ?, description = ?, steps = ?, expected_result = ?, "
         "priority = ?, updated_at = ? WHERE id = ? AND project_id = ?")
      .bind(1, record.fields.title)
      .bind(2, record.fields.description)
      .bind(3, record.fields.steps)
      .bind(4, record.fields.expected_result)
      .bind(5, wire_name(record.fields.priority))
      .bind(6, record.updated_at)
      .bind(7, record.id)
      .bind(8, record.project_id)
      .run();
}

bool TestCaseStore::remove(std::int64_t project_id, std::int64_t test_case_id) {
  db_.prepare("DELETE FROM test_cases WHERE id = ? AND project_id = ?")
      .bind(1, test_case_id)
      .bind(2, project_id)
      .run();
  return db_.changes() > 0;
}

}  // namespace hawzu::server
