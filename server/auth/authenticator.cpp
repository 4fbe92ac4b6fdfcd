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

Principal token_principal(StoredToken &stored) {
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

}  // namespace

BearerAuthentication Authenticator::authenticate_bearer(std::string_view token) {
  BearerAuthentication outcome;
  if (!is_well_formed_token(token)) {
    outcome.failure = BearerFailure::malformed;
    return outcome;
  }
  TokenHash secret_hash = token_hasher_.hash(token);
  const std::int64_t now = clock_.now();
  Database::Lease connection = database_.connect();
  // The row, its grants and its owner's role come from one statement, hence one
  // snapshot (token_store.h), so an edit is never seen half-done and no read
  // transaction (two more statements, two more round trips on PostgreSQL) is needed.
  std::optional<StoredToken> stored = TokenStore(*connection).find_by_secret_hash(secret_hash, now);
  sodium_memzero(secret_hash.data(), secret_hash.size());
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
  const std::optional<std::int64_t> last_used = stored->token.last_used_at;
  if (!last_used || *last_used <= now - kLastUsedWriteInterval) {
    // The UPDATE repeats the condition, so processes racing here write once. A failed
    // bookkeeping write (disk full, a long-held lock) must not refuse a valid token.
    try {
      TokenStore(*connection).record_use(stored->token.id, now, kLastUsedWriteInterval);
    } catch (const DatabaseError &error) {
      log_event("cannot record the use of an access token",
                stored->token.identifier + ": " + error.what());
    }
  }
  outcome.principal = token_principal(*stored);
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
