// Ids in request paths ("/api/v1/workspace/{wid}/..."). httplib captures any text
// between slashes; only plain positive decimal numbers are ids.
#pragma once

#include "httplib_config.h"

#include <cstdint>
#include <optional>

namespace hawzu::server {

// The path parameter `name` as an id, or nullopt (not digits, zero, or too large).
std::optional<std::int64_t> path_id(const httplib::Request &request, const char *name);

}  // namespace hawzu::server
