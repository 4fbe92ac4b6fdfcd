#include "auth/authenticator.h"

#include "security/session_id.h"
#include "store/user_store.h"
#include "store/workspace_store.h"

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

std::optional<Principal> Authenticator::user_principal(std::int64_t user_id,
                                                       std::optional<std::int64_t> session_id) {
  Database::Lease connection = database_.connect();
  ReadTransaction snapshot(*connection);
  std::optional<UserRecord> user = UserStore(*connection).find_by_id(user_id);
  if (!user) return std::nullopt;
  Principal principal;
  principal.kind = Principal::Kind::user;
  principal.user_id = user->id;
  principal.user_email = user->email;
  principal.user_name = user->name;
  principal.memberships = WorkspaceStore(*connection).memberships_of(user_id);
  principal.session_id = session_id;
  return principal;
}

}  // namespace hawzu::server
