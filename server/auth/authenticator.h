// Authentication: turns what a request carries into a Principal.
//
// Web sessions: the `hawzu_session` cookie values (the HTTP layer extracts them; a
// browser may send more than one cookie of that name, e.g. one set for a parent
// domain) are checked by format, hashed, and looked up; the first live session wins.
//
// Bearer tokens (the HTTP layer takes them from "Authorization: Bearer ..."), in this
// order: the format and CRC32 checksum (is_well_formed_token), so a typo or garbage
// costs no database work; the keyed hash of the token (the secret itself is never
// compared or stored). Then either a verdict this process holds for that hash
// (auth/verified_token_cache.h), used only when the database's change stamp, read at
// the start of the request, shows that nothing has changed since the verdict was
// confirmed, or else after re-validating it with one primary-key read of the token's
// authority generation, and in both cases after checking the expiry at this instant;
// or the full lookup on the UNIQUE index of access_tokens.secret_hash:
// the row, its grants, its owner's current role, its workspace's name and its
// authority generation, one statement (TokenStore::find_by_secret_hash), so one
// snapshot without a read transaction; then the stored state (revoked rows are never
// found; disabled is refused) and the expiry. Only a token that authenticates is
// cached. So a disable, revoke, edit, rotation or owner's role change made by any
// server process on the same database applies to the next request.
// last_used_at is written only when the value known is unset or older than a minute:
// the first use at once (so the token's details show it), later ones by the
// LastUseWriter in the background when one is given (never on the request's time),
// so a busy token costs one small write a minute, not one per request.
// Thread-safe.
#pragma once

#include "auth/principal.h"
#include "auth/verified_token_cache.h"
#include "db/database.h"
#include "security/token_hasher.h"
#include "services/last_use_writer.h"
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
  // Without a `last_use_writer`, last_used_at is written on the request's thread.
  Authenticator(Database &database, SessionService &sessions, const TokenHasher &token_hasher,
                const Clock &clock, LastUseWriter *last_use_writer = nullptr)
      : database_(database),
        sessions_(sessions),
        token_hasher_(token_hasher),
        clock_(clock),
        last_use_writer_(last_use_writer) {}

  // The person behind the first live session among `cookie_values`, or nullopt.
  std::optional<Principal> authenticate_session(const std::vector<std::string> &cookie_values);

  // A person's principal with their current memberships; nullopt for an unknown id.
  std::optional<Principal> user_principal(std::int64_t user_id,
                                          std::optional<std::int64_t> session_id);

  // The access token `token` (the text after "Bearer "), if it authenticates now.
  BearerAuthentication authenticate_bearer(std::string_view token);

  // The verdicts held (for tests and the benchmark).
  const VerifiedTokenCache &verified_tokens() const { return verified_; }

 private:
  // A connection leased on first use: a verdict confirmed by the change stamp needs none.
  class LazyConnection {
   public:
    explicit LazyConnection(Database &database) : database_(database) {}
    Connection &operator*() {
      if (!lease_) lease_.emplace(database_.connect());
      return **lease_;
    }

   private:
    Database &database_;
    std::optional<Database::Lease> lease_;
  };

  // The cached verdict's principal when it is still current (the rule in
  // verified_token_cache.h) at `stamp`, read at the start of this request; nullopt:
  // verify in full.
  std::optional<TokenPrincipal> revalidate(LazyConnection &connection, CachedVerdict &verdict,
                                           const std::optional<ChangeStamp> &stamp,
                                           std::int64_t now);
  // Writes (or has the writer write) last_used_at when `last_used` is unset or old.
  void note_use(LazyConnection &connection, const TokenHash &secret_hash, std::int64_t token_id,
                std::optional<std::int64_t> last_used, std::int64_t now);

  Database &database_;
  SessionService &sessions_;
  const TokenHasher &token_hasher_;
  const Clock &clock_;
  LastUseWriter *last_use_writer_;
  VerifiedTokenCache verified_;
};

}  // namespace hawzu::server
