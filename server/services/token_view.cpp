#include "services/token_view.h"

#include "shared/expiry.h"
#include "store/policy_store.h"

namespace hawzu::server {

AccessToken view_at(StoredToken stored, std::int64_t now, const TokenPolicy &policy) {
  // shared/access_token.h states the rule; the store's status SQL is built from it.
  stored.token.status =
      token_status(stored.state == TokenState::disabled, stored.token.expires_at, now);
  stored.token.expires_soon = stored.token.status == TokenStatus::enabled &&
                              expires_soon(policy, stored.token.expires_at, now);
  // An overlap that has ended is kept in the row until the next rotation, but no
  // longer means anything (the authenticator compares the same column with now).
  if (is_expired(stored.token.previous_value_expires_at, now))
    stored.token.previous_value_expires_at.reset();
  return std::move(stored.token);
}

AccessToken view_in(Connection &connection, StoredToken stored, std::int64_t now) {
  const TokenPolicy policy = PolicyStore(connection).policy_of(stored.workspace_id);
  return view_at(std::move(stored), now, policy);
}

}  // namespace hawzu::server
