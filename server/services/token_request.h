// The bodies of POST /api/v1/workspace/{wid}/access-tokens, PATCH .../{tid} and POST
// .../{tid}/rotate as their routes read them, for TokenService::create, edit and rotate.
// The wire format and its parser are shared with the web app
// (shared/access_token_request.h, shared/token_rotation.h). Pure functions; thread-safe.
#pragma once

#include "shared/access_token_request.h"
#include "shared/field_error.h"
#include "shared/token_rotation.h"

#include <nlohmann/json_fwd.hpp>

namespace hawzu::server {

// The draft a create body describes and the field errors found reading it. The service
// reports them only after authorization; it then validates the draft, unless the body
// was not a JSON object at all (then that is the one error).
struct TokenCreateRequest {
  AccessTokenDraft draft;
  FieldErrors errors;
  bool body_is_object = true;
};

TokenCreateRequest read_token_create_request(const nlohmann::json &body);

// What an edit body names and the field errors found reading it. Which members the
// token may change depends on its access type, so the service applies it to the token
// (shared apply_edit_request) once the token is found, and reports the errors then.
using TokenEditRequest = AccessTokenEdit;

TokenEditRequest read_token_edit_request(const nlohmann::json &body);

// A rotate body (POST .../{tid}/rotate) as read, and the field errors found reading it;
// like a create body's, reported after authorization. The rules that need the token
// (validate_rotation) wait for the service.
struct TokenRotateRequest {
  TokenRotation rotation;
  FieldErrors errors;
  bool body_is_object = true;
};

TokenRotateRequest read_token_rotate_request(const nlohmann::json &body);

}  // namespace hawzu::server
