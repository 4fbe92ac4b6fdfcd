// The Token policy page's form and the request bodies it sends. The policy's rules are
// the shared ones (shared/token_policy.h): the draft becomes the PUT body here and
// parse_token_policy() names what is wrong with it, exactly as the server would.
#pragma once

#include "web/policy_state.h"

#include <nlohmann/json_fwd.hpp>

#include <string>
#include <string_view>

namespace hawzu {

PolicyDraft draft_from_policy(const TokenPolicy &policy);

// The PUT body for the draft. A day field that is not a whole number goes in as its
// text, so the shared parser reports it on the right field.
nlohmann::json policy_body(const PolicyDraft &draft);

// The problems parse_token_policy() finds in the draft, by member name.
FieldErrors policy_draft_errors(const PolicyDraft &draft);

// Whether the draft says something other than `saved`.
bool policy_draft_changed(const PolicyDraft &draft, const TokenPolicy &saved);

// The first message for `field` ("expiry_warning_days" also matches its items), or "".
std::string policy_field_error(const FieldErrors &errors, std::string_view field);

// {"url": …, "events": […]} for PUT .../webhook.
nlohmann::json webhook_body(const WebhookFormState &form);

}  // namespace hawzu
