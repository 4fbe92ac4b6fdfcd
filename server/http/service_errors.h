// Maps a service's refusal (services/service_result.h) to the HTTP answer: status
// code, problem+json body, and Retry-After for 429.
#pragma once

#include "httplib_config.h"
#include "services/service_result.h"

namespace hawzu::server {

int http_status_for(ErrorKind kind);

void send_service_error(httplib::Response &response, const ServiceError &error);

}  // namespace hawzu::server
