// The token status rule (shared/access_token.h kTokenStatusRule) as SQL, built from the
// rule's own table, so the list's status sort and filter cannot drift from token_status().
// The fragments read the columns of access_tokens under the alias `t` (status,
// expires_at) and the bound parameter :now (Unix seconds) where a condition needs the
// time; they are plain SQL that SQLite and PostgreSQL read alike. Pure; thread-safe.
#pragma once

#include "shared/access_token.h"

#include <string>

namespace hawzu::server {

// A CASE expression yielding the wire name ('enabled', 'disabled', 'expired') of the
// status of a token that is not revoked.
std::string token_status_case_sql();

// A condition that holds exactly for the tokens (not revoked) that have `status`: its
// clause's condition holds and none of the conditions before it does.
std::string token_status_filter_sql(TokenStatus status);

}  // namespace hawzu::server
