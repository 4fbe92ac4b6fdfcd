// Hands a finished API request made with a known access token to the usage recorder
// (services/usage_recorder.h): the time, method, route template, status, client address
// (the access log's, trusted proxies applied) and User-Agent. Called by the access
// logger once the answer is known; costs a buffer append, no database work.
#pragma once

#include "httplib_config.h"
#include "services/usage_recorder.h"
#include "util/clock.h"

namespace hawzu::server {

void capture_token_usage(UsageRecorder &recorder, const Clock &clock,
                         const httplib::Request &request, const httplib::Response &response);

}  // namespace hawzu::server
