// The members of a workspace (docs/product.md#members-and-token-authority): who belongs,
// with which role, and an Owner's changes to that. Tokens follow their owner's
// authority, so the changes reach tokens too:
//
//   - list: every member (web session) and workspace tokens; project tokens are refused.
//   - change_role: Owners only. The new role applies to the member's tokens on their
//     next request (a Bearer request is bounded by its owner's current role), so
//     lowering it takes effect at once and raising it never lifts a token above its own
//     roles. The last Owner cannot be demoted (409 last_owner).
//   - remove: Owners only. The membership goes, and every enabled token the member owns
//     in the workspace is disabled with the reason owner_removed, in the same
//     transaction, one audit row per token. The last Owner cannot be removed.
//
// Each change and its audit rows are one write transaction, and the member is re-read
// inside it, so two Owners demoting each other at once cannot leave none. Thread-safe.
#pragma once

#include "auth/principal.h"
#include "db/database.h"
#include "services/member_request.h"
#include "services/service_result.h"
#include "store/member_store.h"
#include "util/clock.h"

#include <cstdint>
#include <vector>

namespace hawzu::server {

class MemberService {
 public:
  MemberService(Database &database, const Clock &clock) : database_(database), clock_(clock) {}

  Result<std::vector<MemberRecord>> list(const Principal &principal, std::int64_t workspace_id);

  Result<MemberRecord> change_role(const Principal &principal, std::int64_t workspace_id,
                                   std::int64_t user_id, const MemberRequest &request);

  Result<Done> remove(const Principal &principal, std::int64_t workspace_id, std::int64_t user_id);

 private:
  Database &database_;
  const Clock &clock_;
};

}  // namespace hawzu::server
