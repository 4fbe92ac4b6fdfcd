#include "services/token_request.h"

#include <nlohmann/json.hpp>

namespace hawzu::server {

TokenCreateRequest read_token_create_request(const nlohmann::json &body) {
  TokenCreateRequest request;
  request.errors = parse_create_request(body, request.draft);
  request.body_is_object = body.is_object();
  return request;
}

TokenEditRequest read_token_edit_request(const nlohmann::json &body) {
  return read_edit_request(body);
}

TokenRotateRequest read_token_rotate_request(const nlohmann::json &body) {
  TokenRotateRequest request;
  request.errors = parse_rotate_request(body, request.rotation);
  request.body_is_object = body.is_object();
  return request;
}

}  // namespace hawzu::server
