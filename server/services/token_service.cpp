// Access-token management: who may do what to a token (authorization.h), the shared
// validation, and the store calls, for the token-management routes and access-tokens/self.
//
// Index of this file (search for "[SECTION]"):
//   [SECTION] Refusals: the service errors and how field errors merge
//   [SECTION] Conversions: between drafts, stored rows, the API object and audit details
//   [SECTION] Token status: disabled, expired or enabled at an instant
//   [SECTION] Options and list
//   [SECTION] Create
//   [SECTION] Details: one token, and the calling token itself
//   [SECTION] Edit
//   [SECTION] Disable, enable and revoke
//   [SECTION] Rotate

#include "services/token_service.h"

#include "auth/authorization.h"
#include "security/token_minter.h"
#include "services/list_cursor.h"
#include "services/token_view.h"
#include "services/webhook_events.h"
#include "shared/access_token_request.h"
#include "shared/calendar.h"
#include "shared/expiry.h"
#include "store/audit_store.h"
#include "store/policy_store.h"
#include "store/usage_store.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>
#include <utility>

namespace hawzu::server {
namespace {

// ---------------------------------------------------------------------------
// [SECTION] Refusals

ServiceError access_refused(AccessDecision decision) {
  if (decision == AccessDecision::not_found)
    return {ErrorKind::not_found, "not_found", "There is no such workspace.", {}, 0};
  return {ErrorKind::forbidden,
          "forbidden",
          "Your workspace role does not allow managing access tokens.",
          {},
          0};
}

ServiceError token_not_found() {
  return {ErrorKind::not_found, "not_found", "There is no such access token.", {}, 0};
}

ServiceError token_disabled(const char *action) {
  return {ErrorKind::conflict,
          "token_disabled",
          std::string("The token is disabled. Enable it before you ") + action + " it.",
          {},
          0};
}

// The one statement of "a token's access above the caller's own role": the ceiling on
// what a person may hand out (validate_access_token_draft applies the same may_assign()
// to a new or edited role). Project tokens hold project roles only, which every
// manager of tokens may give.
bool is_above_role(const AccessToken &token, WorkspaceRole caller_role) {
  return token.workspace_role && !may_assign(caller_role, *token.workspace_role);
}

// Enabling a token whose owner left makes the enabler its owner; a token ranked above
// the enabler would then act beyond their authority.
ServiceError role_above_enabler(WorkspaceRole token_role) {
  return {ErrorKind::forbidden,
          "forbidden",
          "Its owner left the workspace, and enabling it would make you its owner, but its role (" +
              std::string(display_name(token_role)) + ") is above yours.",
          {},
          0};
}

// A fresh value of a stronger token would give the rotator that token's access.
ServiceError role_above_rotator(WorkspaceRole token_role) {
  return {ErrorKind::forbidden,
          "forbidden",
          "You cannot rotate a token whose role (" + std::string(display_name(token_role)) +
              ") is above your own.",
          {},
          0};
}

ServiceError token_name_taken() {
  return {ErrorKind::conflict,
          "name_taken",
          "A token with this name already exists in this workspace.",
          {{"name", "A token with this name already exists in this workspace."}},
          0};
}

// Parse errors first; then validation errors about fields that parsed. A field with a
// parse error would otherwise be reported again by validation ("Must be a string",
// then "Token name is required"), and so would the members of a broken part
// ("projects[0]: Must be an object", then "projects[0].role: Role is required").
bool is_within(const std::string &field, const std::string &part) {
  if (field.compare(0, part.size(), part) != 0) return false;
  return field.size() == part.size() || field[part.size()] == '.' || field[part.size()] == '[';
}

FieldErrors merge_errors(FieldErrors parse_errors, const FieldErrors &validation_errors) {
  const FieldErrors reported = parse_errors;
  for (const FieldError &error : validation_errors) {
    bool covered = false;
    for (const FieldError &parse_error : reported)
      covered = covered || is_within(error.field, parse_error.field);
    if (!covered) parse_errors.push_back(error);
  }
  return parse_errors;
}

// ---------------------------------------------------------------------------
// [SECTION] Conversions

std::vector<ProjectGrant> grants_of(const AccessTokenDraft &draft) {
  std::vector<ProjectGrant> grants;
  if (draft.access_type != AccessType::project) return grants;
  for (const ProjectGrantDraft &row : draft.projects)
    grants.push_back({row.project_id.value_or(0), "", row.role.value_or(ProjectRole::viewer)});
  return grants;
}

std::vector<ProjectGrantDraft> drafts_of(const std::vector<ProjectGrant> &grants) {
  std::vector<ProjectGrantDraft> rows;
  for (const ProjectGrant &grant : grants) rows.push_back({grant.project_id, grant.role});
  return rows;
}

nlohmann::json grants_json(const std::vector<ProjectGrant> &grants) {
  nlohmann::json rows = nlohmann::json::array();
  for (const ProjectGrant &grant : grants)
    rows.push_back(
        {{"project_id", grant.project_id}, {"role", std::string(wire_name(grant.role))}});
  return rows;
}

nlohmann::json role_json(const std::optional<WorkspaceRole> &role) {
  return role ? nlohmann::json(std::string(wire_name(*role))) : nlohmann::json(nullptr);
}

nlohmann::json time_json(const std::optional<std::int64_t> &time) {
  return time ? nlohmann::json(format_rfc3339_utc(*time)) : nlohmann::json(nullptr);
}

std::set<std::pair<std::int64_t, ProjectRole>> grant_set(const std::vector<ProjectGrant> &grants) {
  std::set<std::pair<std::int64_t, ProjectRole>> set;
  for (const ProjectGrant &grant : grants) set.insert({grant.project_id, grant.role});
  return set;
}

// Errors for project rows naming a project outside the workspace.
FieldErrors check_projects_exist(ProjectStore &projects, std::int64_t workspace_id,
                                 const std::vector<ProjectGrant> &grants) {
  FieldErrors errors;
  if (grants.empty()) return errors;
  std::vector<std::int64_t> ids;
  for (const ProjectGrant &grant : grants) ids.push_back(grant.project_id);
  const std::set<std::int64_t> found = projects.existing_in_workspace(workspace_id, ids);
  for (std::size_t row = 0; row < grants.size(); ++row)
    if (!found.count(grants[row].project_id))
      errors.push_back({"projects[" + std::to_string(row) + "].project_id",
                        "There is no such project in this workspace."});
  return errors;
}

AuditEntry token_audit(const Principal &principal, std::int64_t workspace_id, std::int64_t token_id,
                       std::string action, std::int64_t now) {
  AuditEntry entry;
  entry.time = now;
  entry.workspace_id = workspace_id;
  entry.actor_user_id = principal.person().user_id;
  entry.action = std::move(action);
  entry.target_type = "access_token";
  entry.target_id = token_id;
  entry.ip = principal.client_address();
  return entry;
}

// The end of every change: its audit row, then the token as it now is, read inside the
// same transaction, which then commits (the change, its audit row and the answer are one
// state). `entry` is a token_audit() entry: its workspace, token and time.
AccessToken commit_change(Connection &connection, Transaction &transaction, TokenStore &tokens,
                          const AuditEntry &entry) {
  AuditStore(connection).append(entry);
  std::optional<StoredToken> changed = tokens.find_live(*entry.workspace_id, *entry.target_id);
  transaction.commit();
  return view_in(connection, std::move(*changed), entry.time);
}

}  // namespace

// ---------------------------------------------------------------------------
// [SECTION] Options and list

Result<TokenOptions> TokenService::options(const Principal &principal, std::int64_t workspace_id) {
  AccessDecision decision =
      authorize(principal, Operation::read_access_token_options, workspace_id);
  if (decision != AccessDecision::granted) return access_refused(decision);
  TokenOptions options;
  options.workspace_roles = assignable_workspace_roles(*principal.person().role_in(workspace_id));
  options.project_roles = all_project_roles();
  Database::Lease connection = database_.connect();
  ReadTransaction snapshot(*connection);
  options.projects = ProjectStore(*connection).list_in_workspace(workspace_id);
  options.creators = TokenStore(*connection).creators(workspace_id);
  options.policy = PolicyStore(*connection).policy_of(workspace_id);
  return options;
}

Result<TokenPage> TokenService::list(const Principal &principal, std::int64_t workspace_id,
                                     TokenListFilter filter) {
  AccessDecision decision = authorize(principal, Operation::list_access_tokens, workspace_id);
  if (decision != AccessDecision::granted) return access_refused(decision);
  filter.workspace_id = workspace_id;
  const std::int64_t now = clock_.now();
  TokenListPage page;
  TokenPolicy policy;
  {
    Database::Lease connection = database_.connect();
    ReadTransaction snapshot(*connection);  // the rows and their grants from one state
    policy = PolicyStore(*connection).policy_of(workspace_id);
    // "Expires soon" is the policy's first warning window (shared/token_policy.h).
    if (filter.expiring_soon) {
      const int window_days = expiry_warning_window_days(policy);
      filter.expiring_before = window_days > 0 ? now + window_days * kSecondsPerDay : now - 1;
    }
    page = TokenStore(*connection).list(filter, now);
  }
  TokenPage result;
  for (StoredToken &stored : page.tokens)
    result.tokens.push_back(view_at(std::move(stored), now, policy));
  if (page.next)
    result.next_cursor = encode_list_cursor(filter.sort, filter.descending, *page.next);
  return result;
}

// ---------------------------------------------------------------------------
// [SECTION] Create

Result<CreatedToken> TokenService::create(const Principal &principal, std::int64_t workspace_id,
                                          const TokenCreateRequest &request) {
  AccessDecision decision = authorize(principal, Operation::create_access_token, workspace_id);
  if (decision != AccessDecision::granted) return access_refused(decision);
  const WorkspaceRole creator_role = *principal.person().role_in(workspace_id);

  const AccessTokenDraft &draft = request.draft;
  FieldErrors errors = request.errors;
  if (!request.body_is_object) return invalid_fields(std::move(errors));
  const std::int64_t now = clock_.now();
  // The policy is read inside the write transaction, so it still holds at commit.
  Database::Lease connection = database_.connect();
  Transaction transaction(*connection);
  const TokenPolicy policy = PolicyStore(*connection).policy_of(workspace_id);
  errors = merge_errors(
      std::move(errors),
      validate_access_token_draft(draft, ValidationContext{creator_role, now, policy}));
  if (!errors.empty()) return invalid_fields(std::move(errors));

  NewTokenRow row;
  row.workspace_id = workspace_id;
  row.name = trim_token_name(draft.name);
  row.name_key = token_name_key(row.name);
  row.access_type = *draft.access_type;
  row.workspace_role =
      row.access_type == AccessType::workspace ? draft.workspace_role : std::nullopt;
  row.projects = grants_of(draft);
  row.created_by = principal.person().user_id;
  row.created_at = now;
  row.expires_at = compute_expires_at(draft.expiry, now);

  MintedToken minted = mint_token();
  row.identifier = minted.identifier;
  row.secret_hash = hasher_.hash(minted.token.view());

  ProjectStore projects(*connection);
  TokenStore tokens(*connection);
  if (FieldErrors missing = check_projects_exist(projects, workspace_id, row.projects);
      !missing.empty())
    return invalid_fields(std::move(missing));
  if (tokens.name_taken(workspace_id, row.name_key)) return token_name_taken();
  std::optional<std::int64_t> token_id = tokens.insert(row);
  if (!token_id) return token_name_taken();  // lost a race to a concurrent create

  AuditEntry entry = token_audit(principal, workspace_id, *token_id, "access_token.create", now);
  entry.details = {{"name", row.name},
                   {"identifier", row.identifier},
                   {"access_type", std::string(wire_name(row.access_type))},
                   {"workspace_role", role_json(row.workspace_role)},
                   {"projects", grants_json(row.projects)},
                   {"expires_at", time_json(row.expires_at)}};
  return CreatedToken{std::move(minted.token),
                      commit_change(*connection, transaction, tokens, entry)};
}

// ---------------------------------------------------------------------------
// [SECTION] Details: one token, and the calling token itself

Result<AccessToken> TokenService::get(const Principal &principal, std::int64_t workspace_id,
                                      std::int64_t token_id) {
  AccessDecision decision = authorize(principal, Operation::read_access_token, workspace_id);
  if (decision != AccessDecision::granted) return access_refused(decision);
  Database::Lease connection = database_.connect();
  ReadTransaction snapshot(*connection);
  std::optional<StoredToken> stored = TokenStore(*connection).find_live(workspace_id, token_id);
  if (!stored) return token_not_found();
  return view_in(*connection, std::move(*stored), clock_.now());
}

Result<TokenUsage> TokenService::usage(const Principal &principal, std::int64_t workspace_id,
                                       std::int64_t token_id) {
  AccessDecision decision = authorize(principal, Operation::read_access_token, workspace_id);
  if (decision != AccessDecision::granted) return access_refused(decision);
  const std::int64_t today = utc_day(clock_.now());
  Database::Lease connection = database_.connect();
  ReadTransaction snapshot(*connection);
  if (!TokenStore(*connection).find_live(workspace_id, token_id)) return token_not_found();
  UsageStore store(*connection);
  TokenUsage usage;
  usage.recent = store.recent_calls(token_id, kUsageRecentCalls);
  usage.daily = usage_window(store.daily_since(token_id, today - (kUsageDays - 1)), today);
  return usage;
}

Result<AccessToken> TokenService::describe_caller(const Principal &principal) {
  // A person has no token of their own: 0 names no workspace, and the operation is for
  // access tokens only, so authorize refuses.
  const TokenPrincipal *caller = principal.token();
  AccessDecision decision =
      authorize(principal, Operation::read_own_access_token, caller ? caller->workspace_id : 0);
  if (decision != AccessDecision::granted) return access_refused(decision);
  Database::Lease connection = database_.connect();
  ReadTransaction snapshot(*connection);
  std::optional<StoredToken> stored =
      TokenStore(*connection).find_live(caller->workspace_id, caller->token_id);
  // Revoked between authentication and this read.
  if (!stored) return token_not_found();
  return view_in(*connection, std::move(*stored), clock_.now());
}

// ---------------------------------------------------------------------------
// [SECTION] Edit

Result<AccessToken> TokenService::edit(const Principal &principal, std::int64_t workspace_id,
                                       std::int64_t token_id, const TokenEditRequest &request) {
  AccessDecision decision = authorize(principal, Operation::edit_access_token, workspace_id);
  if (decision != AccessDecision::granted) return access_refused(decision);
  const WorkspaceRole editor_role = *principal.person().role_in(workspace_id);

  Database::Lease connection = database_.connect();
  Transaction transaction(*connection);
  TokenStore tokens(*connection);
  std::optional<StoredToken> stored = tokens.find_live(workspace_id, token_id);
  if (!stored) return token_not_found();
  if (stored->state == TokenState::disabled) return token_disabled("edit");
  const AccessToken &current = stored->token;

  // The draft starts as the token is; the body changes what it names.
  AccessTokenDraft draft;
  draft.name = current.name;
  draft.access_type = current.access_type;
  draft.workspace_role = current.workspace_role;
  draft.projects = drafts_of(current.projects);
  bool expiry_sent = false;
  FieldErrors errors = apply_edit_request(request, draft, expiry_sent);
  if (!request.body_is_object) return invalid_fields(std::move(errors));
  const std::int64_t now = clock_.now();
  // The policy bounds an expiry that is sent; an edit that keeps the expiry keeps it.
  const TokenPolicy policy =
      expiry_sent ? PolicyStore(*connection).policy_of(workspace_id) : TokenPolicy{};
  errors = merge_errors(std::move(errors), validate_access_token_draft(
                                               draft, ValidationContext{editor_role, now, policy}));
  if (!errors.empty()) return invalid_fields(std::move(errors));

  TokenChanges changes;
  changes.name = trim_token_name(draft.name);
  changes.name_key = token_name_key(changes.name);
  changes.workspace_role =
      current.access_type == AccessType::workspace ? draft.workspace_role : std::nullopt;
  changes.projects = grants_of(draft);
  changes.expires_at = expiry_sent ? compute_expires_at(draft.expiry, now) : current.expires_at;
  changes.updated_at = now;

  ProjectStore projects(*connection);
  if (FieldErrors missing = check_projects_exist(projects, workspace_id, changes.projects);
      !missing.empty())
    return invalid_fields(std::move(missing));

  nlohmann::json changed = nlohmann::json::object();
  if (changes.name != current.name)
    changed["name"] = {{"from", current.name}, {"to", changes.name}};
  if (changes.workspace_role != current.workspace_role)
    changed["workspace_role"] = {{"from", role_json(current.workspace_role)},
                                 {"to", role_json(changes.workspace_role)}};
  if (grant_set(changes.projects) != grant_set(current.projects))
    changed["projects"] = {{"from", grants_json(current.projects)},
                           {"to", grants_json(changes.projects)}};
  if (changes.expires_at != current.expires_at)
    changed["expires_at"] = {{"from", time_json(current.expires_at)},
                             {"to", time_json(changes.expires_at)}};
  if (changed.empty()) return view_in(*connection, std::move(*stored), now);

  if (changed.contains("name") && tokens.name_taken(workspace_id, changes.name_key, token_id))
    return token_name_taken();
  if (!tokens.update(token_id, changes)) return token_name_taken();
  AuditEntry entry = token_audit(principal, workspace_id, token_id, "access_token.edit", now);
  entry.details = {{"identifier", current.identifier}, {"changes", changed}};
  return commit_change(*connection, transaction, tokens, entry);
}

// ---------------------------------------------------------------------------
// [SECTION] Disable, enable and revoke

Result<AccessToken> TokenService::disable(const Principal &principal, std::int64_t workspace_id,
                                          std::int64_t token_id) {
  return set_enabled(principal, workspace_id, token_id, false);
}

Result<AccessToken> TokenService::enable(const Principal &principal, std::int64_t workspace_id,
                                         std::int64_t token_id) {
  return set_enabled(principal, workspace_id, token_id, true);
}

Result<AccessToken> TokenService::set_enabled(const Principal &principal, std::int64_t workspace_id,
                                              std::int64_t token_id, bool enabled) {
  const Operation operation =
      enabled ? Operation::enable_access_token : Operation::disable_access_token;
  AccessDecision decision = authorize(principal, operation, workspace_id);
  if (decision != AccessDecision::granted) return access_refused(decision);

  Database::Lease connection = database_.connect();
  Transaction transaction(*connection);
  TokenStore tokens(*connection);
  std::optional<StoredToken> stored = tokens.find_live(workspace_id, token_id);
  if (!stored) return token_not_found();
  const std::int64_t now = clock_.now();
  const TokenState wanted = enabled ? TokenState::enabled : TokenState::disabled;
  if (stored->state == wanted) return view_in(*connection, std::move(*stored), now);  // idempotent

  AuditStore audit(*connection);
  if (enabled && !stored->owner_role) {
    // The owner left: whoever enables the token takes it over, so it acts under a
    // present member's authority again, and never above that member's own role.
    const UserPrincipal &person = principal.person();
    const WorkspaceRole enabler_role = *person.role_in(workspace_id);
    if (is_above_role(stored->token, enabler_role))
      return role_above_enabler(*stored->token.workspace_role);
    tokens.set_owner(token_id, person.user_id, now);
    AuditEntry entry =
        token_audit(principal, workspace_id, token_id, "access_token.owner_changed", now);
    entry.details = {{"identifier", stored->token.identifier},
                     {"name", stored->token.name},
                     {"from", {{"id", stored->token.owner.id}, {"name", stored->token.owner.name}}},
                     {"to", {{"id", person.user_id}, {"name", person.name}}}};
    audit.append(entry);
  }
  tokens.set_state(token_id, wanted, now);
  AuditEntry entry = token_audit(principal, workspace_id, token_id,
                                 enabled ? "access_token.enable" : "access_token.disable", now);
  entry.details = {{"identifier", stored->token.identifier}, {"name", stored->token.name}};
  return commit_change(*connection, transaction, tokens, entry);
}

Result<Done> TokenService::revoke(const Principal &principal, std::int64_t workspace_id,
                                  std::int64_t token_id) {
  AccessDecision decision = authorize(principal, Operation::revoke_access_token, workspace_id);
  if (decision != AccessDecision::granted) return access_refused(decision);

  Database::Lease connection = database_.connect();
  Transaction transaction(*connection);
  TokenStore tokens(*connection);
  std::optional<StoredToken> stored = tokens.find_live(workspace_id, token_id);
  if (!stored) return token_not_found();
  if (stored->state == TokenState::disabled) return token_disabled("revoke");
  const std::int64_t now = clock_.now();
  // The token object has no revoked status: the announcement shows the token as it was
  // until now, and data says when it was revoked.
  const AccessToken last_view = view_in(*connection, *stored, now);
  tokens.set_state(token_id, TokenState::revoked, now);
  AuditEntry entry = token_audit(principal, workspace_id, token_id, "access_token.revoke", now);
  entry.details = {{"identifier", stored->token.identifier}, {"name", stored->token.name}};
  AuditStore(*connection).append(entry);
  queue_webhook_event(*connection, now, workspace_id, WebhookEvent::revoked, last_view,
                      {{"revoked_at", format_rfc3339_utc(now)}});
  transaction.commit();
  return Done{};
}

// ---------------------------------------------------------------------------
// [SECTION] Rotate

Result<CreatedToken> TokenService::rotate(const Principal &principal, std::int64_t workspace_id,
                                          std::int64_t token_id,
                                          const TokenRotateRequest &request) {
  AccessDecision decision = authorize(principal, Operation::rotate_access_token, workspace_id);
  if (decision != AccessDecision::granted) return access_refused(decision);
  const WorkspaceRole rotator_role = *principal.person().role_in(workspace_id);
  if (!request.body_is_object) return invalid_fields(request.errors);

  Database::Lease connection = database_.connect();
  Transaction transaction(*connection);
  TokenStore tokens(*connection);
  std::optional<StoredToken> stored = tokens.find_live(workspace_id, token_id);
  if (!stored) return token_not_found();
  if (stored->state == TokenState::disabled) return token_disabled("rotate");
  const AccessToken &current = stored->token;
  if (is_above_role(current, rotator_role)) return role_above_rotator(*current.workspace_role);

  const std::int64_t now = clock_.now();
  const TokenRotation &rotation = request.rotation;
  FieldErrors errors = merge_errors(
      request.errors, validate_rotation(rotation, current.expires_at, now,
                                        PolicyStore(*connection).policy_of(workspace_id)));
  if (!errors.empty()) return invalid_fields(std::move(errors));

  MintedToken minted = mint_token();
  TokenRotationRow row;
  row.identifier = minted.identifier;
  row.secret_hash = hasher_.hash(minted.token.view());
  row.previous_value_expires_at = previous_value_end(*rotation.overlap, now);
  row.expires_at = rotation.expiry ? compute_expires_at(*rotation.expiry, now) : current.expires_at;
  row.updated_at = now;
  tokens.rotate(token_id, row);

  AuditEntry entry = token_audit(principal, workspace_id, token_id, "access_token.rotate", now);
  entry.details = {{"name", current.name},
                   {"overlap", std::string(wire_name(*rotation.overlap))},
                   {"previous_identifier", current.identifier},
                   {"identifier", row.identifier},
                   {"previous_value_expires_at", time_json(row.previous_value_expires_at)}};
  if (row.expires_at != current.expires_at)
    entry.details["expires_at"] = {{"from", time_json(current.expires_at)},
                                   {"to", time_json(row.expires_at)}};
  return CreatedToken{std::move(minted.token),
                      commit_change(*connection, transaction, tokens, entry)};
}

}  // namespace hawzu::server
