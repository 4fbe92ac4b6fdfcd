// The bodies of POST /api/v1/workspace/{wid}/projects and PATCH .../project/{pid}:
//
//   {"name": string, "description": string}
//
// name: trimmed; 1..80 characters; no control characters. Required to create.
// description: 0..2000 characters; line breaks and tabs allowed. Default "".
// Unknown fields and wrong types are field errors; all problems are reported at once.
// Whether the name is free in the workspace is the service's check (409 name_taken).
// Pure functions; thread-safe.
#pragma once

#include "services/body_request.h"
#include "shared/field_error.h"

#include <nlohmann/json_fwd.hpp>

#include <cstddef>
#include <optional>
#include <string>

namespace hawzu::server {

inline constexpr std::size_t kMaxProjectNameLength = 80;
inline constexpr std::size_t kMaxProjectDescriptionLength = 2000;

// What a request sets; an absent field stays nullopt (PATCH keeps the stored value).
struct ProjectChanges {
  std::optional<std::string> name;  // trimmed
  std::optional<std::string> description;
};

FieldErrors parse_project_create_request(const nlohmann::json &body, ProjectChanges &changes);
FieldErrors parse_project_update_request(const nlohmann::json &body, ProjectChanges &changes);

using ProjectRequest = BodyRequest<ProjectChanges>;  // read_body_request(body, parse_...)

}  // namespace hawzu::server
