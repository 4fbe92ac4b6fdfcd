// A request body as its route read it, for the service that acts on it: the changes it
// names and the field errors found reading it. Routes parse (read_body_request with the
// resource's parser); services take the typed result, never JSON. A service reports the
// errors only after its own checks (authorization, and for an update that the resource
// exists), so a caller without access learns nothing from the body. Thread-compatible.
#pragma once

#include "shared/field_error.h"

#include <nlohmann/json_fwd.hpp>

namespace hawzu::server {

template <typename Changes>
struct BodyRequest {
  Changes changes;
  FieldErrors errors;
};

// `parse` is one of the resource parsers (project_request.h, test_case_request.h).
template <typename Changes>
BodyRequest<Changes> read_body_request(const nlohmann::json &body,
                                       FieldErrors (*parse)(const nlohmann::json &, Changes &)) {
  BodyRequest<Changes> request;
  request.errors = parse(body, request.changes);
  return request;
}

}  // namespace hawzu::server
