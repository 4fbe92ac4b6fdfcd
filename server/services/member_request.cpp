#include "services/member_request.h"

#include "services/resource_fields.h"

#include <nlohmann/json.hpp>

namespace hawzu::server {

FieldErrors parse_member_update_request(const nlohmann::json &body, MemberChanges &changes) {
  FieldErrors errors = check_object_fields(body, {"role"});
  if (!body.is_object()) return errors;
  if (std::optional<std::string> role = read_string_field(body, "role", errors)) {
    changes.role = parse_workspace_role(*role);
    // hawzu::wire_name: server:: has wire_name overloads of its own that hide it.
    if (!changes.role)
      errors.push_back(
          {"role", must_be_one_of<WorkspaceRole>(all_workspace_roles(), &hawzu::wire_name)});
  } else if (!body.contains("role")) {
    errors.push_back({"role", "Role is required."});
  }
  return errors;
}

}  // namespace hawzu::server
