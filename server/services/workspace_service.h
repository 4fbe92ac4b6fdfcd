// The workspaces a principal can see, each with the principal's role there and what
// that role allows (GET /api/v1/session, GET /api/v1/workspaces). Thread-safe.
#pragma once

#include "auth/principal.h"
#include "db/database.h"
#include "shared/roles.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hawzu::server {

struct WorkspaceView {
  std::int64_t id = 0;
  std::string name;
  std::optional<WorkspaceRole> role;    // nullopt for a project token
  std::vector<Permission> permissions;  // workspace-wide permissions
};

class WorkspaceService {
 public:
  explicit WorkspaceService(Database &database) : database_(database) {}

  // A person: their memberships. A token: its one workspace (a project token holds no
  // workspace-wide permission beyond reading the projects it is assigned).
  std::vector<WorkspaceView> workspaces_of(const Principal &principal);

 private:
  Database &database_;
};

// The permissions a workspace role allows, in the catalogue's order.
std::vector<Permission> permissions_of(WorkspaceRole role);

}  // namespace hawzu::server
