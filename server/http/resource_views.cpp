#include "http/resource_views.h"

#include "shared/calendar.h"

namespace hawzu::server {

nlohmann::json project_json(const ProjectRecord &project) {
  return {{"id", project.id},
          {"workspace_id", project.workspace_id},
          {"name", project.name},
          {"description", project.description},
          {"created_at", format_rfc3339_utc(project.created_at)},
          {"updated_at", format_rfc3339_utc(project.updated_at)}};
}

nlohmann::json test_case_json(const TestCaseRecord &test_case) {
  const TestCaseFields &fields = test_case.fields;
  return {{"id", test_case.id},
          {"project_id", test_case.project_id},
          {"title", fields.title},
          {"description", fields.description},
          {"steps", fields.steps},
          {"expected_result", fields.expected_result},
          {"priority", std::string(wire_name(fields.priority))},
          {"created_at", format_rfc3339_utc(test_case.created_at)},
          {"updated_at", format_rfc3339_utc(test_case.updated_at)}};
}

nlohmann::json member_json(const MemberRecord &member) {
  return {{"user", {{"id", member.user_id}, {"name", member.name}, {"email", member.email}}},
          {"role", std::string(wire_name(member.role))},
          {"role_name", std::string(display_name(member.role))}};
}

}  // namespace hawzu::server
