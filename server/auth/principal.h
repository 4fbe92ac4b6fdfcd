// Who is making a request, once authenticated: a person (web session) or an access
// token (Bearer). Exactly one of the two, held as a std::variant: a token has no user
// id, no memberships and no session, and a person has no token grants, so neither can
// be asked for the other's. Routes get a Principal from the Authenticator and ask
// authorization.h whether it may do what it asks. A value type; built per request.
#pragma once

#include "shared/roles.h"
#include "store/workspace_store.h"

#include <cassert>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace hawzu::server {

// A person signed in to the web app: their workspaces (one role in each) and the
// session the request came with.
struct UserPrincipal {
  std::int64_t user_id = 0;
  std::string email;
  std::string name;
  std::vector<Membership> memberships;
  std::optional<std::int64_t> session_id;

  // The person's role in a workspace, or nullopt when not a member.
  std::optional<WorkspaceRole> role_in(std::int64_t workspace_id) const {
    for (const Membership &membership : memberships)
      if (membership.workspace_id == workspace_id) return membership.role;
    return std::nullopt;
  }
};

// An access token and what it grants: a workspace token has a workspace role across its
// workspace; a project token a role per assigned project. Either is bounded by its
// owner's role in the workspace as read with the token (nullopt: the owner is no longer
// a member, and the token may do nothing).
struct TokenPrincipal {
  std::int64_t token_id = 0;
  std::string identifier;  // public ("hwz_Ab12Cd34"), for the access log
  std::int64_t workspace_id = 0;
  std::optional<WorkspaceRole> workspace_role;
  std::map<std::int64_t, ProjectRole> project_roles;
  std::int64_t owner_id = 0;
  std::optional<WorkspaceRole> owner_role;
  // The workspace's name as read with the token (GET /api/v1/workspaces shows it).
  std::optional<std::string> workspace_name;
};

class Principal {
 public:
  Principal() = default;  // an unnamed person (no id): what a request has before sign-in
  Principal(UserPrincipal user) : who_(std::move(user)) {}     // NOLINT: implicit on purpose
  Principal(TokenPrincipal token) : who_(std::move(token)) {}  // NOLINT

  bool is_user() const { return std::holds_alternative<UserPrincipal>(who_); }
  bool is_token() const { return std::holds_alternative<TokenPrincipal>(who_); }

  // The person or the token; nullptr when the principal is the other kind.
  const UserPrincipal *user() const { return std::get_if<UserPrincipal>(&who_); }
  const TokenPrincipal *token() const { return std::get_if<TokenPrincipal>(&who_); }

  // The person, where only a person can have come this far (authorization granted an
  // operation for web sessions only). REQUIRES: is_user(); else std::bad_variant_access.
  const UserPrincipal &person() const {
    assert(is_user());
    return std::get<UserPrincipal>(who_);
  }
  // The token, where only a token can have come this far. REQUIRES: is_token().
  const TokenPrincipal &access_token() const {
    assert(is_token());
    return std::get<TokenPrincipal>(who_);
  }

  // The address the request came from (http/client_origin.h), for the audit log; empty
  // outside a request (start-up steps, tests).
  const std::string &client_address() const { return client_address_; }
  void set_client_address(std::string address) { client_address_ = std::move(address); }

  // What the access log shows: "user:12" or "token:hwz_Ab12Cd34". Never a secret.
  std::string log_name() const {
    if (const UserPrincipal *person = user()) return "user:" + std::to_string(person->user_id);
    return "token:" + token()->identifier;
  }

 private:
  std::variant<UserPrincipal, TokenPrincipal> who_;
  std::string client_address_;
};

}  // namespace hawzu::server
