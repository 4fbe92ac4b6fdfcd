// Authentication: turns what a request carries into a Principal.
//
// Web sessions: the `hawzu_session` cookie values (the HTTP layer extracts them; a
// browser may send more than one cookie of that name, e.g. one set for a parent
// domain) are checked by format, hashed, and looked up; the first live session wins.
//
// Bearer tokens (the HTTP layer takes them from "Authorization: Bearer ..."), in this
// order: the format and CRC32 checksum (is_well_formed_token), so a typo or garbage
// costs no database work; the keyed hash of the token, looked up on the UNIQUE index of
// access_tokens.secret_hash (the secret itself is never compared or stored); then the
// stored state (revoked rows are never found; disabled is refused) and the expiry at
// this instant. Nothing is cached: every request reads the row, so a disable, revoke or
// edit made by any server process on the same database applies to the next request.
// The row, its grants, its owner's current role and its workspace's name are one
// statement (TokenStore::find_by_secret_hash), so one snapshot without a read
// transaction; prepared once per connection, it costs a few microseconds.
// last_used_at is written only when the value just read is unset or older than a
// minute, so a busy token costs one small write a minute, not one per request.
// Thread-safe.
#pragma once

#include "auth/principal.h"
#include "db/database.h"
#include "security/token_hasher.h"
#include "services/session_service.h"
#include "util/clock.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hawzu::server {

// Why a Bearer token did not authenticate. Every failure is the same 401 invalid_token
// to the caller; the reason only picks the detail sentence. A revoked token is unknown.
enum class BearerFailure { malformed, unknown, disabled, expired };

struct BearerAuthentication {
  std::optional<Principal> principal;  // set when the token authenticates
  BearerFailure failure = BearerFailure::unknown;
  // The token's id when the server knows which token it is: it authenticated, or it is
  // disabled or expired (its usage is recorded); 0 for a malformed or unknown one.
  std::int64_t token_id = 0;
};

// How often last_used_at is written for a token in use (docs/product.md#tokens).
inline constexpr std::int64_t kLastUsedWriteInterval = 60;

class Authenticator {
 public:
  Authenticator(Database &database, SessionService &sessions, const TokenHasher &token_hasher,
                const Clock &clock)
      : database_(database), sessions_(sessions), token_hasher_(token_hasher), clock_(clock) {}

  // The person behind the first live session among `cookie_values`, or nullopt.
  std::optional<Principal> authenticate_session(const std::vector<std::string> &cookie_values);

  // A person's principal with their current memberships; nullopt for an unknown id.
  std::optional<Principal> user_principal(std::int64_t user_id,
                                          std::optional<std::int64_t> session_id);

  // The access token `token` (the text after "Bearer "), if it authenticates now.
  BearerAuthentication authenticate_bearer(std::string_view token);

 private:
  Database &database_;
  SessionService &sessions_;
  const TokenHasher &token_hasher_;
  const Clock &clock_;
};

}  // namespace hawzu::server
