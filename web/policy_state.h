// What the Token policy page (web/policy_page.cpp) draws from: the workspace's policy
// and the draft an Owner edits, and the workspace's webhook with its latest deliveries.
#pragma once

#include "web/load_state.h"
#include "web/secret_field.h"

#include "shared/field_error.h"
#include "shared/token_policy.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hawzu {

// The policy form as typed: day counts stay text until saved, so a half-typed value is
// shown as typed and its problem named (web/policy_draft.h turns it into the PUT body).
struct PolicyDraft {
  bool limit_lifetime = false;
  std::string max_lifetime_days;
  bool allow_never_expires = true;
  bool disable_unused = false;
  std::string unused_days;
  std::string warning_days;  // "7, 1"
};

// GET .../webhook, without its secret.
struct WebhookInfo {
  std::string url;
  std::vector<std::string> events;  // wire names
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
};

// One attempt to deliver an event (GET .../webhook/deliveries).
struct WebhookDelivery {
  std::int64_t id = 0;
  std::string event_id;
  std::string event;
  int attempt = 1;
  std::int64_t time = 0;
  bool delivered = false;
  std::optional<int> response_status;
  std::string error;
  std::int64_t duration_ms = 0;
  std::optional<std::int64_t> next_attempt_at;
};

struct WebhookFormState {
  LoadState load;                      // GET .../webhook (404: none yet, not an error)
  std::optional<WebhookInfo> webhook;  // as saved
  std::string url;                     // the form
  std::vector<std::string> events;     // the form's chosen events, wire names
  bool saving = false;
  bool removing = false;
  bool testing = false;
  FieldErrors errors;   // from the last save
  std::string message;  // a failure not tied to a field
  std::string notice;   // "A test event was queued." (announced)
  // The signing secret of the last save: shown once, wiped when dismissed or on leaving.
  SecretBuffer secret{};
  CopyFeedback secret_copy;
  LoadState deliveries_load;
  std::vector<WebhookDelivery> deliveries;
};

struct PolicyPageState {
  LoadState load;
  TokenPolicy policy;  // as saved
  PolicyDraft draft;
  bool saving = false;
  FieldErrors errors;   // the server's, from the last save
  std::string message;  // a failure not tied to a field
  WebhookFormState webhook;
};

}  // namespace hawzu
