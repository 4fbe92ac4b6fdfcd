// Loading the audit log (GET .../audit-events): the Audit log page's entries, page by
// page as the person scrolls, with the members for its person filter; a token's latest
// entries for its details window; and the CSV export of what the page's filters match.
#pragma once

#include "web/ui_state.h"

#include <string>

namespace hawzu {

inline constexpr int kAuditPageSize = 50;
inline constexpr int kTokenActivitySize = 4;

// The URL query for the page's filters (no limit or cursor): action, actor_id, token_id,
// and the date range as local days (from the first second of `from` to the last of `to`).
std::string audit_filter_query(const AuditLogQuery &query);

// Starts over with the first page of state.audit.query; older answers are dropped.
void reload_audit_log(UiState &state);
void load_more_audit_log(UiState &state);
// The members for the person filter, once per session.
void load_audit_people(UiState &state);
// Downloads every entry matching the filters as CSV.
void export_audit_log(const UiState &state);

// The latest entries about the token in the details window.
void load_token_activity(UiState &state, std::int64_t token_id);

}  // namespace hawzu
