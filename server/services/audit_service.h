// The workspace's audit log, read (docs/product.md#audit-log): Owners and Managers, in
// the web app (Operation::list_audit_events). Entries are written by the services that
// make each change, in the change's transaction; this only lists them, newest first,
// by keyset pagination on the entry id (so paging is stable while new entries arrive).
// Thread-safe.
#pragma once

#include "auth/principal.h"
#include "db/database.h"
#include "services/service_result.h"
#include "store/audit_store.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace hawzu::server {

struct AuditPage {
  std::vector<AuditRecord> items;
  std::optional<std::string> next_cursor;
};

class AuditService {
 public:
  explicit AuditService(Database &database) : database_(database) {}

  // `filter.workspace_id` is set from `workspace_id`.
  Result<AuditPage> list(const Principal &principal, std::int64_t workspace_id, AuditFilter filter);

  // Whether the principal may read the workspace's log (for the export, which checks
  // before it starts streaming).
  Result<Done> check_access(const Principal &principal, std::int64_t workspace_id);

  // One batch of the export: up to `batch` entries older than filter.before_id. The
  // export calls it until it answers fewer than asked for; each batch is one short
  // read, so a slow download never holds a database connection.
  std::vector<AuditRecord> export_batch(std::int64_t workspace_id, AuditFilter filter, int batch);

 private:
  Database &database_;
};

}  // namespace hawzu::server
