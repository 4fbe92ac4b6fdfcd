// Access-token management (docs/product.md#the-access-tokens-page,
// docs/product.md#token-management): the options for the create window, the list, create, details,
// edit, disable, enable, revoke and rotate. Every method first asks authorization.h whether the
// principal may perform its Operation in the workspace, then applies the token rules:
//
//   - Bodies are read and validated by the shared code (parse_create_request,
//     read_edit_request then apply_edit_request, validate_access_token_draft), with
//     the caller's workspace role as the creator role: no one assigns a role above
//     their own, an edit included. Then the checks that need the database: every
//     project belongs to the workspace ("projects[i].project_id"), and the name is
//     unique case-insensitively among tokens that are not revoked (409 name_taken).
//   - Status: "disabled" when disabled (whatever the expiry), else "expired" once
//     now > expires_at, else "enabled". A disabled token cannot be edited, rotated or
//     revoked (409 token_disabled). Disable and enable are idempotent: disabling a disabled
//     token (or enabling an enabled one) answers the token unchanged, writes nothing.
//   - Owner: a token acts under its owner's authority (first its creator). Enabling a
//     token whose owner is no longer a member makes the enabler its owner (audited as
//     access_token.owner_changed), refused (403) when its role is above the enabler's.
//   - Edit: fields absent from the body keep their values; an expiry that is sent is
//     counted from the time of the edit (like a new token), so "1 Month" means a month
//     from now. The access type is locked (400). An edit that changes nothing writes
//     nothing.
//   - Each change and its audit row are one transaction (BEGIN IMMEDIATE), and the
//     token is re-read inside it, so concurrent changes cannot interleave.
//   - Rotate: a new value, the previous one valid for the chosen overlap (one previous
//     value at most: rotating again during an overlap ends the older one at once).
//     Refused, like enabling an orphaned token, when the token's role is above the
//     caller's: a fresh value of it would be an escalation.
//
// The secret exists only in create()'s and rotate()'s results: minted, hashed with the
// server key, and handed back once. Thread-safe.
#pragma once

#include "auth/principal.h"
#include "db/database.h"
#include "security/secret_string.h"
#include "security/token_hasher.h"
#include "services/service_result.h"
#include "services/token_request.h"
#include "shared/access_token.h"
#include "shared/token_policy.h"
#include "shared/token_usage.h"
#include "store/project_store.h"
#include "store/token_store.h"
#include "util/clock.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hawzu::server {

struct TokenOptions {
  std::vector<WorkspaceRole> workspace_roles;  // assignable, not above the caller's role
  std::vector<ProjectRole> project_roles;
  std::vector<ProjectRecord> projects;
  std::vector<UserRef> creators;  // who created the live tokens (the list's filter)
  TokenPolicy policy;             // the workspace's token policy, which the windows obey
};

struct TokenPage {
  std::vector<AccessToken> tokens;
  std::optional<std::string> next_cursor;
};

struct CreatedToken {
  SecretString token;  // the full token: shown once
  AccessToken access_token;
};

class TokenService {
 public:
  TokenService(Database &database, const Clock &clock, const TokenHasher &hasher)
      : database_(database), clock_(clock), hasher_(hasher) {}

  Result<TokenOptions> options(const Principal &principal, std::int64_t workspace_id);

  // `filter.workspace_id` is set from `workspace_id`.
  Result<TokenPage> list(const Principal &principal, std::int64_t workspace_id,
                         TokenListFilter filter);

  Result<CreatedToken> create(const Principal &principal, std::int64_t workspace_id,
                              const TokenCreateRequest &request);

  Result<AccessToken> get(const Principal &principal, std::int64_t workspace_id,
                          std::int64_t token_id);

  // The token's recorded usage (docs/product.md#usage): its last calls and its counts
  // of the last kUsageDays UTC days, zero-filled. Whoever may read the token may read it.
  Result<TokenUsage> usage(const Principal &principal, std::int64_t workspace_id,
                           std::int64_t token_id);

  // The request's rules that depend on the token's access type apply once the token
  // is found (token_request.h).
  Result<AccessToken> edit(const Principal &principal, std::int64_t workspace_id,
                           std::int64_t token_id, const TokenEditRequest &request);

  Result<AccessToken> disable(const Principal &principal, std::int64_t workspace_id,
                              std::int64_t token_id);
  Result<AccessToken> enable(const Principal &principal, std::int64_t workspace_id,
                             std::int64_t token_id);

  Result<Done> revoke(const Principal &principal, std::int64_t workspace_id, std::int64_t token_id);

  // A new value for the token (docs/product.md#rotating-a-token): same id, name, roles,
  // grants and owner; a new secret and identifier; the expiry kept unless the request
  // names one. The value it replaces keeps working for the requested overlap. Refused
  // for a disabled token (409), for one whose role is above the caller's (403), and for
  // an expired one without a new expiry (400 "expiry").
  Result<CreatedToken> rotate(const Principal &principal, std::int64_t workspace_id,
                              std::int64_t token_id, const TokenRotateRequest &request);

  // The calling access token itself (GET /api/v1/access-tokens/self).
  Result<AccessToken> describe_caller(const Principal &principal);

 private:
  Result<AccessToken> set_enabled(const Principal &principal, std::int64_t workspace_id,
                                  std::int64_t token_id, bool enabled);

  Database &database_;
  const Clock &clock_;
  const TokenHasher &hasher_;
};

}  // namespace hawzu::server
