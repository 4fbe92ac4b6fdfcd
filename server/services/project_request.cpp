#include "services/project_request.h"

#include "services/resource_fields.h"
#include "services/text_rules.h"

#include <nlohmann/json.hpp>

namespace hawzu::server {
namespace {

FieldErrors parse_project_request(const nlohmann::json &body, ProjectChanges &changes,
                                  bool name_required) {
  FieldErrors errors = check_object_fields(body, {"name", "description"});
  if (!body.is_object()) return errors;

  if (std::optional<std::string> name = read_string_field(body, "name", errors)) {
    std::string trimmed = trim_ascii_space(*name);
    if (auto problem = single_line_text_problem(trimmed, "Project name", kMaxProjectNameLength))
      errors.push_back({"name", *problem});
    else
      changes.name = std::move(trimmed);
  } else if (name_required && !body.contains("name")) {
    errors.push_back({"name", "Project name is required."});
  }

  if (std::optional<std::string> description = read_string_field(body, "description", errors)) {
    if (auto problem =
            multi_line_text_problem(*description, "Description", kMaxProjectDescriptionLength))
      errors.push_back({"description", *problem});
    else
      changes.description = std::move(*description);
  }
  return errors;
}

}  // namespace

FieldErrors parse_project_create_request(const nlohmann::json &body, ProjectChanges &changes) {
  return parse_project_request(body, changes, true);
}

FieldErrors parse_project_update_request(const nlohmann::json &body, ProjectChanges &changes) {
  return parse_project_request(body, changes, false);
}

}  // namespace hawzu::server
