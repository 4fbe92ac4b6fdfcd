// The access log: one JSON line per request on standard output, e.g.
// {"time":"2026-11-28T10:00:00Z","method":"GET","path":"/api/v1/health","status":200,
//  "duration_ms":0.21,"principal":null,"remote":"127.0.0.1"}
// The path has no query string, and anything shaped like an access token is masked,
// so a secret a client put in a URL by mistake never reaches the log.
#pragma once

#include "httplib_config.h"

#include <string>
#include <string_view>

namespace hawzu::server {

void log_request(const httplib::Request &request, const httplib::Response &response);

// Replaces every "hwz_" + 42 base62 characters with "hwz_[redacted]".
std::string mask_token_like_text(std::string_view text);

}  // namespace hawzu::server
