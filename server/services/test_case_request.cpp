#include "services/test_case_request.h"

#include "services/id_cursor.h"
#include "services/query_params.h"
#include "services/resource_fields.h"
#include "services/text_rules.h"
#include "shared/decimal.h"

#include <nlohmann/json.hpp>

namespace hawzu::server {
namespace {

void read_text(const nlohmann::json &body, const char *field, const char *label,
               std::optional<std::string> &target, FieldErrors &errors) {
  std::optional<std::string> text = read_string_field(body, field, errors);
  if (!text) return;
  if (auto problem = multi_line_text_problem(*text, label, kMaxTestCaseTextLength))
    errors.push_back({field, *problem});
  else
    target = std::move(*text);
}

FieldErrors parse_test_case_request(const nlohmann::json &body, TestCaseChanges &changes,
                                    bool title_required) {
  FieldErrors errors =
      check_object_fields(body, {"title", "description", "steps", "expected_result", "priority"});
  if (!body.is_object()) return errors;

  if (std::optional<std::string> title = read_string_field(body, "title", errors)) {
    std::string trimmed = trim_ascii_space(*title);
    if (auto problem = single_line_text_problem(trimmed, "Title", kMaxTestCaseTitleLength))
      errors.push_back({"title", *problem});
    else
      changes.title = std::move(trimmed);
  } else if (title_required && !body.contains("title")) {
    errors.push_back({"title", "Title is required."});
  }
  read_text(body, "description", "Description", changes.description, errors);
  read_text(body, "steps", "Steps", changes.steps, errors);
  read_text(body, "expected_result", "Expected result", changes.expected_result, errors);

  if (std::optional<std::string> priority = read_string_field(body, "priority", errors)) {
    changes.priority = parse_test_case_priority(*priority);
    if (!changes.priority)
      errors.push_back({"priority", "Must be one of: low, medium, high, critical."});
  }
  return errors;
}

}  // namespace

TestCaseFields TestCaseChanges::applied_to(TestCaseFields fields) const {
  if (title) fields.title = *title;
  if (description) fields.description = *description;
  if (steps) fields.steps = *steps;
  if (expected_result) fields.expected_result = *expected_result;
  if (priority) fields.priority = *priority;
  return fields;
}

FieldErrors parse_test_case_create_request(const nlohmann::json &body, TestCaseChanges &changes) {
  return parse_test_case_request(body, changes, true);
}

FieldErrors parse_test_case_update_request(const nlohmann::json &body, TestCaseChanges &changes) {
  return parse_test_case_request(body, changes, false);
}

Result<TestCaseListQuery> parse_test_case_list_query(
    const std::multimap<std::string, std::string> &params) {
  TestCaseListQuery query;
  FieldErrors errors = check_query_parameters(params, {"limit", "cursor"});
  read_limit(params, kMaxTestCasePageSize, query.limit, errors);
  if (auto it = params.find("cursor"); it != params.end()) {
    if (std::optional<std::int64_t> after = decode_id_cursor(it->second))
      query.after_id = *after;
    else
      errors.push_back({"cursor", "Not a cursor of this list; use next_cursor as returned."});
  }
  if (!errors.empty()) return invalid_query(std::move(errors));
  return query;
}

}  // namespace hawzu::server
