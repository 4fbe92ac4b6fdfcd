// The bodies and the list query of the test-case routes:
//
//   POST  .../project/{pid}/testcases       create
//   PATCH .../project/{pid}/testcase/{cid}  change the fields sent
//   {"title": string, "description": string, "steps": string, "expected_result": string,
//    "priority": "low" | "medium" | "high" | "critical"}
//
// title: trimmed; 1..200 characters; no control characters. Required to create.
// description, steps, expected_result: 0..10000 characters each; line breaks and tabs
// allowed. Default "". priority: default "medium".
//
//   GET .../project/{pid}/testcases?limit=1..100&cursor=<next_cursor>
//
// Unknown fields, unknown or repeated query parameters, wrong types and bad values are
// field errors, all reported at once. Pure functions; thread-safe.
#pragma once

#include "services/body_request.h"
#include "services/service_result.h"
#include "shared/field_error.h"
#include "store/test_case_store.h"

#include <nlohmann/json_fwd.hpp>

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace hawzu::server {

inline constexpr std::size_t kMaxTestCaseTitleLength = 200;
inline constexpr std::size_t kMaxTestCaseTextLength = 10000;
inline constexpr int kDefaultTestCasePageSize = 50;
inline constexpr int kMaxTestCasePageSize = 100;

// What a request sets; an absent field stays nullopt (PATCH keeps the stored value).
struct TestCaseChanges {
  std::optional<std::string> title;  // trimmed
  std::optional<std::string> description;
  std::optional<std::string> steps;
  std::optional<std::string> expected_result;
  std::optional<TestCasePriority> priority;

  // The fields with these changes applied.
  TestCaseFields applied_to(TestCaseFields fields) const;
};

FieldErrors parse_test_case_create_request(const nlohmann::json &body, TestCaseChanges &changes);
FieldErrors parse_test_case_update_request(const nlohmann::json &body, TestCaseChanges &changes);

using TestCaseRequest = BodyRequest<TestCaseChanges>;  // read_body_request(body, parse_...)

struct TestCaseListQuery {
  int limit = kDefaultTestCasePageSize;
  std::int64_t after_id = 0;  // from the cursor; 0: the first page
};

Result<TestCaseListQuery> parse_test_case_list_query(
    const std::multimap<std::string, std::string> &params);

}  // namespace hawzu::server
