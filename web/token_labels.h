// How a token's fields read in the table and the windows: status, access summary, expiry.
#pragma once

#include "shared/access_token.h"

#include <string>

namespace hawzu {

const char *status_label(TokenStatus status);  // "Active", "Disabled", "Expired"
// "Workspace Manager", "Web App · Project Member", "3 projects".
std::string access_summary(const AccessToken &token);
std::string expiry_label(const AccessToken &token);  // "28 Nov 2025" or "Never"

}  // namespace hawzu
