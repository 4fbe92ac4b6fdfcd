// What the project and test-case services share: turning an authorization decision
// (auth/authorization.h) into the refusal the caller sees, finding the project a
// request names within the caller's scope, and the audit entry of a change.
//
// Refusals follow docs/product.md#http-api: outside the caller's scope (another workspace, a
// project a project token is not assigned to, a project that does not exist) is 404 and
// says nothing about what exists there; inside the scope but not allowed by the role is
// 403, with the code "insufficient_scope" for an access token (the HTTP layer adds
// WWW-Authenticate: Bearer ... error="insufficient_scope") and "forbidden" for a
// person. Thread-safe (stateless).
#pragma once

#include "auth/authorization.h"
#include "auth/principal.h"
#include "db/database.h"
#include "services/service_result.h"
#include "store/audit_store.h"
#include "store/project_store.h"

#include <cstdint>
#include <optional>
#include <string>

namespace hawzu::server {

ServiceError workspace_not_found();
ServiceError project_not_found();
ServiceError test_case_not_found();

// The 403 for an operation that authorization found forbidden to `principal`.
ServiceError role_refusal(const Principal &principal);

// workspace_not_found() or role_refusal(). REQUIRES: decision is not granted.
ServiceError workspace_refusal(const Principal &principal, AccessDecision decision);

// The project `project_id` of the workspace, when `principal` may perform `operation`
// on it. In order: outside the scope → 404; no such project in the workspace → 404; the
// role does not allow it → 403.
Result<ProjectRecord> open_project(ProjectStore &projects, const Principal &principal,
                                   Operation operation, std::int64_t workspace_id,
                                   std::int64_t project_id);

// For a write on a project or its test cases: the refusal when `principal` may not
// perform `operation`, decided before the caller opens its write transaction (a refused
// caller never takes the write lock; the 404-or-403 choice needs only a read, outside
// any transaction). nullopt when the operation is allowed.
std::optional<ServiceError> refusal_before_writing(Database &database, const Principal &principal,
                                                   Operation operation, std::int64_t workspace_id,
                                                   std::int64_t project_id);

// An audit row for a change made through the API, by a person or by an access token.
AuditEntry resource_audit(const Principal &principal, std::int64_t workspace_id, std::string action,
                          std::string target_type, std::int64_t target_id, std::int64_t now);

}  // namespace hawzu::server
