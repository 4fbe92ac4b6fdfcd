// The projects of a workspace through the Hawzu API: list, create, read, update
// (docs/product.md#roles-and-permissions, docs/product.md#hawzu-api). Each method first asks
// authorization.h whether the principal may perform its Operation (resource_access.h turns a
// refusal into 404 or 403), then validates the body (project_request.h), then reads or writes the
// store.
//
//   - A project token lists only the projects it is assigned; any other project is
//     404 to it. It can never create a project (403 insufficient_scope).
//   - Names are unique in a workspace, ignoring the case of ASCII letters (409
//     name_taken); the unique index projects_unique_name backs the check, and the check
//     runs inside the write transaction (BEGIN IMMEDIATE), so two racing creates
//     cannot both pass it, even from two server processes.
//   - Every change and its audit row are one transaction.
// Thread-safe.
#pragma once

#include "auth/principal.h"
#include "db/database.h"
#include "services/project_request.h"
#include "services/service_result.h"
#include "store/project_store.h"
#include "util/clock.h"

#include <cstdint>
#include <vector>

namespace hawzu::server {

class ProjectService {
 public:
  ProjectService(Database &database, const Clock &clock) : database_(database), clock_(clock) {}

  // The workspace's projects the principal may read, by name.
  Result<std::vector<ProjectRecord>> list(const Principal &principal, std::int64_t workspace_id);

  Result<ProjectRecord> create(const Principal &principal, std::int64_t workspace_id,
                               const ProjectRequest &request);

  Result<ProjectRecord> get(const Principal &principal, std::int64_t workspace_id,
                            std::int64_t project_id);

  // Changes the fields the request names. A request that changes nothing writes nothing.
  Result<ProjectRecord> update(const Principal &principal, std::int64_t workspace_id,
                               std::int64_t project_id, const ProjectRequest &request);

 private:
  Database &database_;
  const Clock &clock_;
};

}  // namespace hawzu::server
