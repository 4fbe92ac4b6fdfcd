// Authentication: turns what a request carries into a Principal.
//
// Web sessions: the `hawzu_session` cookie values (the HTTP layer extracts them; a
// browser may send more than one cookie of that name, e.g. one set for a parent
// domain) are checked by format, hashed, and looked up; the first live session wins.
//
// Bearer tokens are not accepted yet. They will be added here as
// authenticate_bearer(): check the format with is_well_formed_token(), look up
// TokenStore::find_by_secret_hash(TokenHasher::hash(token)), refuse disabled or
// expired tokens, TokenStore::record_use(), and build a Principal of kind token.
// Thread-safe.
#pragma once

#include "auth/principal.h"
#include "db/database.h"
#include "services/session_service.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hawzu::server {

class Authenticator {
 public:
  Authenticator(Database &database, SessionService &sessions)
      : database_(database), sessions_(sessions) {}

  // The person behind the first live session among `cookie_values`, or nullopt.
  std::optional<Principal> authenticate_session(const std::vector<std::string> &cookie_values);

  // A person's principal with their current memberships; nullopt for an unknown id.
  std::optional<Principal> user_principal(std::int64_t user_id,
                                          std::optional<std::int64_t> session_id);

 private:
  Database &database_;
  SessionService &sessions_;
};

}  // namespace hawzu::server
