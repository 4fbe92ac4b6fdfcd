#include "services/audit_service.h"

#include "auth/authorization.h"
#include "services/id_cursor.h"
#include "services/resource_access.h"

namespace hawzu::server {

Result<Done> AuditService::check_access(const Principal &principal, std::int64_t workspace_id) {
  AccessDecision decision = authorize(principal, Operation::list_audit_events, workspace_id);
  if (decision != AccessDecision::granted) return workspace_refusal(principal, decision);
  return Done{};
}

Result<AuditPage> AuditService::list(const Principal &principal, std::int64_t workspace_id,
                                     AuditFilter filter) {
  if (Result<Done> access = check_access(principal, workspace_id); !access) return access.error();
  filter.workspace_id = workspace_id;
  const int limit = filter.limit;
  filter.limit = limit + 1;  // one more tells whether a next page exists
  AuditPage page;
  {
    Database::Lease connection = database_.connect();
    page.items = AuditStore(*connection).list(filter);
  }
  if (static_cast<int>(page.items.size()) > limit) {
    page.items.resize(static_cast<std::size_t>(limit));
    page.next_cursor = encode_id_cursor(page.items.back().id);
  }
  return page;
}

std::vector<AuditRecord> AuditService::export_batch(std::int64_t workspace_id, AuditFilter filter,
                                                    int batch) {
  filter.workspace_id = workspace_id;
  filter.limit = batch;
  Database::Lease connection = database_.connect();
  return AuditStore(*connection).list(filter);
}

}  // namespace hawzu::server
