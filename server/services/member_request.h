// The body of PATCH /api/v1/workspace/{wid}/members/{uid}:
//
//   {"role": "workspace_owner" | "workspace_manager" | ... | "workspace_viewer"}
//
// role is required and names one of the five workspace roles (an Owner may make another
// person an Owner). Unknown fields and wrong types are field errors. Pure; thread-safe.
#pragma once

#include "services/body_request.h"
#include "shared/field_error.h"
#include "shared/roles.h"

#include <nlohmann/json_fwd.hpp>

#include <optional>

namespace hawzu::server {

struct MemberChanges {
  std::optional<WorkspaceRole> role;
};

FieldErrors parse_member_update_request(const nlohmann::json &body, MemberChanges &changes);

using MemberRequest = BodyRequest<MemberChanges>;  // read_body_request(body, parse_...)

}  // namespace hawzu::server
