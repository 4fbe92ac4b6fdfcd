// The workspace token policy (docs/product.md#token-policy): read by Owners and Managers,
// changed by Owners, in the web app. The rules themselves are shared/token_policy.h;
// TokenService applies them to create, edit and rotate, and PolicySweeper to tokens
// left unused and to expiry reminders. A change and its audit row
// (workspace.policy_changed, with the policy before and after) are one transaction; a
// PUT that changes nothing writes nothing. Thread-safe.
#pragma once

#include "auth/principal.h"
#include "db/database.h"
#include "services/body_request.h"
#include "services/service_result.h"
#include "shared/token_policy.h"
#include "store/policy_store.h"
#include "util/clock.h"

#include <cstdint>

namespace hawzu::server {

class PolicyService {
 public:
  PolicyService(Database &database, const Clock &clock) : database_(database), clock_(clock) {}

  Result<StoredPolicy> get(const Principal &principal, std::int64_t workspace_id);
  Result<StoredPolicy> put(const Principal &principal, std::int64_t workspace_id,
                           const BodyRequest<TokenPolicy> &request);

 private:
  Database &database_;
  const Clock &clock_;
};

}  // namespace hawzu::server
