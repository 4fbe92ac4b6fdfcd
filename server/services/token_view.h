// A stored token as the API shows it at a moment: its status by the shared rule, the
// Expires soon flag under the workspace's policy, and a rotation overlap that has ended
// dropped. One place for it, so the management API, the calling token's own details and
// webhook bodies describe a token alike. Pure apart from view_in()'s policy read.
#pragma once

#include "db/database.h"
#include "shared/access_token.h"
#include "shared/token_policy.h"
#include "store/token_store.h"

#include <cstdint>

namespace hawzu::server {

AccessToken view_at(StoredToken stored, std::int64_t now, const TokenPolicy &policy);

// view_at() under the policy of the token's workspace, read on `connection`.
AccessToken view_in(Connection &connection, StoredToken stored, std::int64_t now);

}  // namespace hawzu::server
