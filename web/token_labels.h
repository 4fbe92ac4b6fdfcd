// How a token's fields read in the table and the windows: status, access summary, expiry.
#pragma once

#include "web/ui_state.h"
#include "web/widgets.h"

#include "shared/access_token.h"

#include <cstdint>
#include <optional>
#include <string>

namespace hawzu {

const char *status_label(TokenStatus status);  // "Active", "Disabled", "Expired"

// The badge a token shows: its status, or "Expires soon" (warning) for an active token
// inside the policy's first warning window.
const char *status_badge_label(const AccessToken &token);
ui::Tone status_badge_tone(const AccessToken &token);

const std::vector<StatusFilter> &all_status_filters();
const char *status_filter_label(StatusFilter filter);  // "Active", "Expires soon", ...
std::string_view wire_name(StatusFilter filter);       // the list's status parameter
// "Workspace Manager", "Web App · Project Member", "3 projects".
std::string access_summary(const AccessToken &token);
std::string expiry_label(const AccessToken &token);  // "28 Nov 2025" or "Never"
// For reading at a glance: "in 6 days", "Expired 2 days ago", "Never".
std::string expiry_relative(const AccessToken &token, std::int64_t now);
// The exact instant behind a relative time, for its tooltip: "28 Nov 2025, 14:05".
std::string exact_time_hint(std::optional<std::int64_t> when, const char *when_missing);

ui::Tone status_tone(TokenStatus status);  // Active green, Expired red, Disabled grey

}  // namespace hawzu
