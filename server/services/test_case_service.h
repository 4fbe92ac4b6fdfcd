// The test cases of a project through the Hawzu API: list (by id, in pages), create,
// read, update, delete (docs/product.md#roles-and-permissions, docs/product.md#hawzu-api). Each
// method first finds the project within the caller's scope for its Operation (resource_access.h:
// 404 outside the scope, 403 when the role does not allow it), then validates the body
// (test_case_request.h), then reads or writes the store. Every change and its audit row are one
// transaction. Thread-safe.
#pragma once

#include "auth/principal.h"
#include "db/database.h"
#include "services/service_result.h"
#include "services/test_case_request.h"
#include "store/test_case_store.h"
#include "util/clock.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hawzu::server {

struct TestCaseList {
  std::vector<TestCaseRecord> test_cases;
  std::optional<std::string> next_cursor;  // set when another page follows
};

class TestCaseService {
 public:
  TestCaseService(Database &database, const Clock &clock) : database_(database), clock_(clock) {}

  Result<TestCaseList> list(const Principal &principal, std::int64_t workspace_id,
                            std::int64_t project_id, const TestCaseListQuery &query);

  Result<TestCaseRecord> create(const Principal &principal, std::int64_t workspace_id,
                                std::int64_t project_id, const TestCaseRequest &request);

  Result<TestCaseRecord> get(const Principal &principal, std::int64_t workspace_id,
                             std::int64_t project_id, std::int64_t test_case_id);

  // Changes the fields the request names. A request that changes nothing writes nothing.
  Result<TestCaseRecord> update(const Principal &principal, std::int64_t workspace_id,
                                std::int64_t project_id, std::int64_t test_case_id,
                                const TestCaseRequest &request);

  Result<Done> remove(const Principal &principal, std::int64_t workspace_id,
                      std::int64_t project_id, std::int64_t test_case_id);

 private:
  Database &database_;
  const Clock &clock_;
};

}  // namespace hawzu::server
