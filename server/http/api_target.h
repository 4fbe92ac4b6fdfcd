// What every Hawzu API resource handler starts with: who is asking (api_guard.h) and
// the ids its path names ({wid}, {pid}, {cid}, {uid}). An id that is not a plain positive
// number answers 404, like an id that does not exist.
#pragma once

#include "app.h"
#include "auth/authorization.h"
#include "auth/principal.h"
#include "httplib_config.h"

#include <cstdint>
#include <optional>

namespace hawzu::server {

struct ApiTarget {
  Principal principal;
  std::int64_t workspace_id = 0;  // 0 when the path has no such id
  std::int64_t project_id = 0;
  std::int64_t test_case_id = 0;
  std::int64_t user_id = 0;  // a member ({uid})
};

// Nullopt after the refusal (401, 403, 404) was sent.
std::optional<ApiTarget> resolve_api_target(App &app, const httplib::Request &request,
                                            httplib::Response &response, Operation operation);

}  // namespace hawzu::server
