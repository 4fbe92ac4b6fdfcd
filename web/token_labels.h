// How a token's fields read in the table and the windows: status, access summary, expiry.
#pragma once

#include "web/widgets.h"

#include "shared/access_token.h"

#include <cstdint>
#include <optional>
#include <string>

namespace hawzu {

const char *status_label(TokenStatus status);  // "Active", "Disabled", "Expired"
// "Workspace Manager", "Web App · Project Member", "3 projects".
std::string access_summary(const AccessToken &token);
std::string expiry_label(const AccessToken &token);  // "28 Nov 2025" or "Never"
// For reading at a glance: "in 6 days", "Expired 2 days ago", "Never".
std::string expiry_relative(const AccessToken &token, std::int64_t now);
// The exact instant behind a relative time, for its tooltip: "28 Nov 2025, 14:05".
std::string exact_time_hint(std::optional<std::int64_t> when, const char *when_missing);

ui::Tone status_tone(TokenStatus status);  // Active green, Expired red, Disabled grey

}  // namespace hawzu
