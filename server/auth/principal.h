// Who is making a request, once authenticated: a person (web session) or an access
// token (Bearer, added with the Hawzu API resources). Routes get a Principal from the
// Authenticator and ask authorization.h whether it may do what it asks. A value type;
// built per request.
#pragma once

#include "shared/roles.h"
#include "store/workspace_store.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace hawzu::server {

struct Principal {
  enum class Kind { user, token };
  Kind kind = Kind::user;

  // kind == user: the person, their workspaces (one role in each), and the session the
  // request came with.
  std::int64_t user_id = 0;
  std::string user_email;
  std::string user_name;
  std::vector<Membership> memberships;
  std::optional<std::int64_t> session_id;

  // kind == token: the token and what it grants. A workspace token has a workspace
  // role across the workspace; a project token a role per assigned project.
  std::int64_t token_id = 0;
  std::string token_identifier;  // public ("hwz_Ab12Cd34"), for the access log
  std::int64_t token_workspace_id = 0;
  std::optional<WorkspaceRole> token_workspace_role;
  std::map<std::int64_t, ProjectRole> token_project_roles;

  bool is_user() const { return kind == Kind::user; }
  bool is_token() const { return kind == Kind::token; }

  // The person's role in a workspace, or nullopt when not a member (or not a person).
  std::optional<WorkspaceRole> user_role_in(std::int64_t workspace_id) const {
    if (!is_user()) return std::nullopt;
    for (const Membership &membership : memberships)
      if (membership.workspace_id == workspace_id) return membership.role;
    return std::nullopt;
  }

  // What the access log shows: "user:12" or "token:hwz_Ab12Cd34". Never a secret.
  std::string log_name() const {
    return is_user() ? "user:" + std::to_string(user_id) : "token:" + token_identifier;
  }
};

}  // namespace hawzu::server
