#include "services/policy_service.h"

#include "auth/authorization.h"
#include "services/resource_access.h"
#include "store/audit_store.h"

#include <nlohmann/json.hpp>

namespace hawzu::server {

Result<StoredPolicy> PolicyService::get(const Principal &principal, std::int64_t workspace_id) {
  const AccessDecision decision = authorize(principal, Operation::read_token_policy, workspace_id);
  if (decision != AccessDecision::granted) return workspace_refusal(principal, decision);
  Database::Lease connection = database_.connect();
  return PolicyStore(*connection).find(workspace_id);
}

Result<StoredPolicy> PolicyService::put(const Principal &principal, std::int64_t workspace_id,
                                        const BodyRequest<TokenPolicy> &request) {
  const AccessDecision decision =
      authorize(principal, Operation::change_token_policy, workspace_id);
  if (decision != AccessDecision::granted) return workspace_refusal(principal, decision);
  if (!request.errors.empty()) return invalid_fields(request.errors);

  Database::Lease connection = database_.connect();
  Transaction transaction(*connection);
  PolicyStore policies(*connection);
  StoredPolicy current = policies.find(workspace_id);
  if (current.updated_at && current.policy == request.changes) return current;

  const std::int64_t now = clock_.now();
  policies.save(workspace_id, request.changes, principal.person().user_id, now);
  AuditEntry entry = resource_audit(principal, workspace_id, "workspace.policy_changed",
                                    "workspace", workspace_id, now);
  entry.details = {{"from", to_json(current.policy)}, {"to", to_json(request.changes)}};
  AuditStore(*connection).append(entry);
  StoredPolicy saved = policies.find(workspace_id);
  transaction.commit();
  return saved;
}

}  // namespace hawzu::server
