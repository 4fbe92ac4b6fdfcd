// How the Hawzu API resources look on the wire (documented in server/api/openapi.json):
//
//   project    {"id","workspace_id","name","description","created_at","updated_at"}
//   test case  {"id","project_id","title","description","steps","expected_result",
//               "priority","created_at","updated_at"}
//   member     {"user":{"id","name","email"},"role","role_name"}
//
// Times are RFC 3339 UTC ("2026-01-31T12:00:00Z").
#pragma once

#include "store/member_store.h"
#include "store/project_store.h"
#include "store/test_case_store.h"

#include <nlohmann/json.hpp>

namespace hawzu::server {

nlohmann::json project_json(const ProjectRecord &project);
nlohmann::json test_case_json(const TestCaseRecord &test_case);
nlohmann::json member_json(const MemberRecord &member);

}  // namespace hawzu::server
