// The query string of GET /api/v1/workspace/{wid}/audit-events and of its CSV export
// (docs/api.md#audit-events), read strictly like every list's (services/query_params.h):
//
//   token_id   entries about this access token (its target)
//   actor_id   entries by this person (a user id)
//   action     one API action name (services/audit_actions.h)
//   from, to   YYYY-MM-DD (a UTC day; "to" includes the whole day) or an RFC 3339 time;
//              inclusive
//   limit      1..100 (default 50); not for the export, which has every matching entry
//   cursor     next_cursor of the previous page
//
// Pure; thread-safe.
#pragma once

#include "services/query_params.h"
#include "services/service_result.h"
#include "store/audit_store.h"

namespace hawzu::server {

// Whether the query is for one page (limit and cursor allowed) or for the export.
enum class AuditQueryKind { page, export_all };

// Fills every member of the filter but workspace_id; `limit` is the page size asked for.
Result<AuditFilter> parse_audit_query(const QueryParams &params, AuditQueryKind kind);

}  // namespace hawzu::server
