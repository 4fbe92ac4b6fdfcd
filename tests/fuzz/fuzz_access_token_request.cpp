// libFuzzer target: the create/edit request path exactly as the server runs it on a
// body: the server's own body reader (nesting limit, strict JSON parse, problem+json
// on failure), parse_create_request / parse_edit_request, validation, and the web
// app's serialisation of the result. Must never crash, hang, leak or trip a
// sanitizer, whatever the bytes.
#include "http/json_body.h"
#include "shared/access_token_request.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  if (size < 1) return 0;
  // The first byte picks the creator's role and the clock, the rest is the body.
  const auto role = static_cast<hawzu::WorkspaceRole>(1 + data[0] % 5);
  const std::int64_t now = 1700000000 + static_cast<std::int64_t>(data[0]) * 86400 * 37;
  httplib::Request request;
  request.body.assign(reinterpret_cast<const char *>(data + 1), size - 1);
  httplib::Response response;
  auto parsed = hawzu::server::read_json_body(request, response);
  if (!parsed) {
    // Refused bodies get a 400 problem, never anything else.
    if (response.status != 400 || response.body.empty()) __builtin_trap();
    return 0;
  }
  const nlohmann::json &body = *parsed;

  hawzu::ValidationContext context{role, now};
  hawzu::AccessTokenDraft draft;
  auto errors = hawzu::parse_create_request(body, draft);
  if (errors.empty()) {
    auto validation = hawzu::validate_access_token_draft(draft, context);
    auto reason = hawzu::first_blocking_reason(draft, context);
    // The rules must agree: a draft is blocked exactly when it has errors.
    if (validation.empty() != !reason.has_value()) __builtin_trap();
    if (validation.empty()) {
      // A valid draft survives the web app's round trip unchanged in meaning.
      hawzu::AccessTokenDraft again;
      if (!hawzu::parse_create_request(hawzu::to_create_request(draft), again).empty())
        __builtin_trap();
      if (!hawzu::validate_access_token_draft(again, context).empty()) __builtin_trap();
      (void)hawzu::compute_expires_at(draft.expiry, now);
    }
  }

  hawzu::AccessTokenDraft current;
  current.name = "CI Runner";
  current.access_type = hawzu::AccessType::workspace;
  current.workspace_role = hawzu::WorkspaceRole::viewer;
  bool expiry_sent = false;
  (void)hawzu::parse_edit_request(body, current, expiry_sent);
  (void)hawzu::validate_access_token_draft(current, context);
  return 0;
}
