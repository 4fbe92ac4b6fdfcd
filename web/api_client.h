// The Hawzu API as the web app uses it (docs/product.md#http-api): one function per call, each
// parsing the answer into the app's types. Requests are asynchronous; the callback
// runs from the browser's event loop. JSON conversion of tokens and create bodies is
// the shared code's (access_token_from_json, to_create_request).
#pragma once

#include "web/ui_state.h"

#include "shared/field_error.h"

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace hawzu {

// A failed call: the HTTP status (0 when the server could not be reached) and what the
// problem+json body said.
struct ApiError {
  int status = 0;
  std::string code;     // e.g. "name_taken"
  std::string message;  // a sentence for the person (the problem's detail or title)
  FieldErrors errors;
};

template <typename T>
struct ApiResult {
  std::optional<T> value;  // set on success
  ApiError error;          // meaningful when !value
  bool ok() const { return value.has_value(); }
};

struct Done {};

// What POST .../access-tokens answers. `token` is the secret, shown once: the receiver
// copies it where it can be wiped; the client wipes this copy after the callback.
struct CreatedAccessToken {
  std::string token;
  AccessToken access_token;
};

template <typename T>
using ApiCallback = std::function<void(ApiResult<T> &result)>;

void get_session(ApiCallback<SessionInfo> done);
void delete_session(ApiCallback<Done> done);
void get_token_options(std::int64_t workspace_id, ApiCallback<TokenOptions> done);
// One page of the list. `query` is the URL query (q, filters, sort, order, limit, cursor).
struct TokenPage {
  std::vector<AccessToken> tokens;
  std::string next_cursor;  // empty on the last page
};
void list_access_tokens(std::int64_t workspace_id, const std::string &query,
                        ApiCallback<TokenPage> done);
// PATCH with only the changed fields (shared/access_token_edit.h).
void update_access_token(std::int64_t workspace_id, std::int64_t token_id,
                         const nlohmann::json &changes, ApiCallback<AccessToken> done);
void set_access_token_enabled(std::int64_t workspace_id, std::int64_t token_id, bool enabled,
                              ApiCallback<AccessToken> done);
// The token's last calls and daily counts (shared/token_usage.h).
void get_access_token_usage(std::int64_t workspace_id, std::int64_t token_id,
                            ApiCallback<TokenUsage> done);
void revoke_access_token(std::int64_t workspace_id, std::int64_t token_id, ApiCallback<Done> done);
void create_access_token(std::int64_t workspace_id, const nlohmann::json &body,
                         ApiCallback<CreatedAccessToken> done);
// POST .../{tid}/rotate (shared/token_rotation.h): the new value, handled as create's.
void rotate_access_token(std::int64_t workspace_id, std::int64_t token_id,
                         const nlohmann::json &body, ApiCallback<CreatedAccessToken> done);

// One page of the audit log; `query` is the URL query (filters, limit, cursor).
struct AuditPage {
  std::vector<AuditEvent> events;
  std::string next_cursor;  // empty on the last page
};
void list_audit_events(std::int64_t workspace_id, const std::string &query,
                       ApiCallback<AuditPage> done);
// Where the CSV export of the entries matching `query` (filters only) downloads from.
std::string audit_export_path(std::int64_t workspace_id, const std::string &query);
// The workspace's members (GET .../members), by name.
void list_members(std::int64_t workspace_id, ApiCallback<std::vector<UserRef>> done);

// The workspace's token policy (GET/PUT .../access-token-policy); `body` is the PUT's.
void get_token_policy(std::int64_t workspace_id, ApiCallback<TokenPolicy> done);
void put_token_policy(std::int64_t workspace_id, const nlohmann::json &body,
                      ApiCallback<TokenPolicy> done);

// The workspace's webhook (.../webhook). GET answers 404 when there is none. PUT's
// answer carries the signing secret, once: the callback copies it where it can be
// wiped; the client wipes this copy after the callback.
struct SavedWebhook {
  WebhookInfo webhook;
  std::string secret;
};
void get_webhook(std::int64_t workspace_id, ApiCallback<WebhookInfo> done);
void put_webhook(std::int64_t workspace_id, const nlohmann::json &body,
                 ApiCallback<SavedWebhook> done);
void delete_webhook(std::int64_t workspace_id, ApiCallback<Done> done);
// Queues a webhook.test event; answers its id.
void send_webhook_test(std::int64_t workspace_id, ApiCallback<std::string> done);
// The latest delivery attempts, newest first.
void list_webhook_deliveries(std::int64_t workspace_id,
                             ApiCallback<std::vector<WebhookDelivery>> done);

// The message to show for a failed call when the problem body had none.
std::string describe_api_error(const ApiError &error);
// A failed call as a form shows it: the field errors in `errors`, anything else (an
// error of the whole body, or the call's own message when there is nothing else) in
// `message`. Both are replaced.
void show_api_error(ApiError error, FieldErrors &errors, std::string &message);

}  // namespace hawzu
