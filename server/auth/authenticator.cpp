#include "auth/authenticator.h"

#include "security/session_id.h"
#include "shared/expiry.h"
#include "shared/token_format.h"
#include "store/token_store.h"
#include "store/user_store.h"
#include "store/workspace_store.h"
#include "util/event_log.h"

#include <sodium.h>

namespace hawzu::server {

std::optional<Principal> Authenticator::authenticate_session(
    const std::vector<std::string> &cookie_values) {
  for (const std::string &value : cookie_values) {
    std::optional<SessionIdHash> id_hash = session_id_hash_from_cookie(value);
    if (!id_hash) continue;
    std::optional<ResumedSession> session = sessions_.resume(*id_hash);
    if (!session) continue;
    return user_principal(session->user_id, session->session_id);
  }
  return std::nullopt;
}

namespace {

TokenPrincipal token_principal(StoredToken &stored) {
  TokenPrincipal token;
  token.token_id = stored.token.id;
  token.identifier = std::move(stored.token.identifier);
  token.workspace_id = stored.workspace_id;
  token.workspace_role = stored.token.workspace_role;
  for (const ProjectGrant &grant : stored.token.projects)
    token.project_roles[grant.project_id] = grant.role;
  token.owner_id = stored.token.owner.id;
  token.owner_role = stored.owner_role;
  token.workspace_name = std::move(stored.workspace_name);
  return token;
}

// Wipes a secret's hash when the verification ends, whichever way it ends.
class HashWiper {
 public:
  explicit HashWiper(TokenHash &hash) : hash_(hash) {}
  ~HashWiper() { sodium_memzero(hash_.data(), hash_.size()); }
  HashWiper(const HashWiper &) = delete;
  HashWiper &operator=(const HashWiper &) = delete;

 private:
  TokenHash &hash_;
};

}  // namespace

std::optional<TokenPrincipal> Authenticator::revalidate(LazyConnection &connection,
                                                        CachedVerdict &verdict,
                                                        const std::optional<ChangeStamp> &stamp,
                                                        std::int64_t now) {
  if (is_expired(verdict.expires_at, now)) return std::nullopt;
  if (verdict.by_previous_value &&
      (!verdict.previous_value_expires_at || *verdict.previous_value_expires_at < now))
    return std::nullopt;
  if (stamp && verdict.confirmed_at == stamp) return std::move(verdict.principal);
  const std::optional<std::int64_t> generation =
      TokenStore(*connection)
          .authority_generation(verdict.principal.token_id, verdict.secret_hash,
                                verdict.by_previous_value);
  if (generation != verdict.authority_generation) return std::nullopt;
  if (stamp) verified_.confirm(verdict.secret_hash, verdict.authority_generation, *stamp);
  return std::move(verdict.principal);
}

void Authenticator::note_use(LazyConnection &connection, const TokenHash &secret_hash,
                             std::int64_t token_id, std::optional<std::int64_t> last_used,
                             std::int64_t now) {
  if (last_used && *last_used > now - kLastUsedWriteInterval) return;
  verified_.set_last_used(secret_hash, now);
  if (last_used && last_use_writer_) {
    last_use_writer_->note(token_id, now);
    return;
  }
  // The UPDATE repeats the condition, so processes racing here write once. A failed
  // bookkeeping write (disk full, a long-held lock) must not refuse a valid token.
  try {
    TokenStore(*connection).record_use(token_id, now, kLastUsedWriteInterval);
  } catch (const DatabaseError &error) {
    log_event("cannot record the use of an access token",
              "token " + std::to_string(token_id) + ": " + error.what());
  }
}

BearerAuthentication Authenticator::authenticate_bearer(std::string_view token) {
  BearerAuthentication outcome;
  if (!is_well_formed_token(token)) {
    outcome.failure = BearerFailure::malformed;
    return outcome;
  }
  TokenHash secret_hash = token_hasher_.hash(token);
  const HashWiper wiper(secret_hash);
  const std::int64_t now = clock_.now();
  // Read before anything else this request reads: a verdict confirmed at this stamp was
  // current at an instant after it (the rule in verified_token_cache.h).
  const std::optional<ChangeStamp> stamp = database_.change_stamp();
  LazyConnection connection(database_);

  if (std::optional<CachedVerdict> cached = verified_.find(secret_hash)) {
    std::optional<TokenPrincipal> principal = revalidate(connection, *cached, stamp, now);
    if (principal) {
      note_use(connection, secret_hash, principal->token_id, cached->last_used_at, now);
      cached->wipe();
      outcome.token_id = principal->token_id;
      outcome.principal = Principal(std::move(*principal));
      return outcome;
    }
    cached->wipe();
    verified_.forget(secret_hash);
  }

  // The row, its grants, its owner's role and its authority generation come from one
  // statement, hence one snapshot (token_store.h), so an edit is never seen half-done,
  // no read transaction (two more statements, two more round trips on PostgreSQL) is
  // needed, and the generation cached is the one of the state verified.
  std::optional<StoredToken> stored = TokenStore(*connection).find_by_secret_hash(secret_hash, now);
  if (!stored) {
    outcome.failure = BearerFailure::unknown;
    return outcome;
  }
  outcome.token_id = stored->token.id;
  if (stored->state == TokenState::disabled) {
    outcome.failure = BearerFailure::disabled;
    return outcome;
  }
  if (is_expired(stored->token.expires_at, now)) {
    outcome.failure = BearerFailure::expired;
    return outcome;
  }
  CachedVerdict verdict;
  verdict.secret_hash = secret_hash;
  verdict.authority_generation = stored->authority_generation;
  verdict.confirmed_at = stamp;
  verdict.by_previous_value = stored->by_previous_value;
  verdict.previous_value_expires_at = stored->token.previous_value_expires_at;
  verdict.expires_at = stored->token.expires_at;
  verdict.last_used_at = stored->token.last_used_at;
  const std::optional<std::int64_t> last_used = stored->token.last_used_at;
  verdict.principal = token_principal(*stored);
  TokenPrincipal principal = verdict.principal;
  verified_.store(std::move(verdict));
  note_use(connection, secret_hash, principal.token_id, last_used, now);
  outcome.principal = Principal(std::move(principal));
  return outcome;
}

std::optional<Principal> Authenticator::user_principal(std::int64_t user_id,
                                                       std::optional<std::int64_t> session_id) {
  Database::Lease connection = database_.connect();
  ReadTransaction snapshot(*connection);
  std::optional<UserRecord> user = UserStore(*connection).find_by_id(user_id);
  if (!user) return std::nullopt;
  UserPrincipal person;
  person.user_id = user->id;
  person.email = user->email;
  person.name = user->name;
  person.memberships = WorkspaceStore(*connection).memberships_of(user_id);
  person.session_id = session_id;
  return Principal(std::move(person));
}

}  // namespace hawzu::server
