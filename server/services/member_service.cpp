#include "services/member_service.h"

#include "auth/authorization.h"
#include "services/resource_access.h"
#include "store/audit_store.h"
#include "store/token_store.h"

#include <nlohmann/json.hpp>

namespace hawzu::server {
namespace {

ServiceError member_not_found() {
  return {ErrorKind::not_found, "not_found", "There is no such member in this workspace.", {}, 0};
}

ServiceError last_owner() {
  return {ErrorKind::conflict,
          "last_owner",
          "A workspace needs at least one Owner: make someone else an Owner first.",
          {},
          0};
}

// Whether taking `member` out of the Owner role (a new role, or removal) would leave the
// workspace without one.
bool is_last_owner(MemberStore &members, std::int64_t workspace_id, const MemberRecord &member) {
  return member.role == WorkspaceRole::owner &&
         members.count_with_role(workspace_id, WorkspaceRole::owner) <= 1;
}

}  // namespace

Result<std::vector<MemberRecord>> MemberService::list(const Principal &principal,
                                                      std::int64_t workspace_id) {
  const AccessDecision decision = authorize(principal, Operation::list_members, workspace_id);
  if (decision != AccessDecision::granted) return workspace_refusal(principal, decision);
  Database::Lease connection = database_.connect();
  return MemberStore(*connection).list(workspace_id);
}

Result<MemberRecord> MemberService::change_role(const Principal &principal,
                                                std::int64_t workspace_id, std::int64_t user_id,
                                                const MemberRequest &request) {
  const AccessDecision decision = authorize(principal, Operation::change_member_role, workspace_id);
  if (decision != AccessDecision::granted) return workspace_refusal(principal, decision);

  Database::Lease connection = database_.connect();
  Transaction transaction(*connection);
  MemberStore members(*connection);
  std::optional<MemberRecord> member = members.find(workspace_id, user_id);
  if (!member) return member_not_found();
  if (!request.errors.empty()) return invalid_fields(request.errors);
  const WorkspaceRole role = *request.changes.role;
  if (role == member->role) return std::move(*member);  // nothing changes, nothing is written
  if (is_last_owner(members, workspace_id, *member)) return last_owner();

  const std::int64_t now = clock_.now();
  members.set_role(workspace_id, user_id, role);
  AuditEntry entry =
      resource_audit(principal, workspace_id, "member.role_changed", "user", user_id, now);
  entry.details = {{"name", member->name},
                   {"from", std::string(wire_name(member->role))},
                   {"to", std::string(wire_name(role))}};
  AuditStore(*connection).append(entry);
  transaction.commit();
  member->role = role;
  return std::move(*member);
}

Result<Done> MemberService::remove(const Principal &principal, std::int64_t workspace_id,
                                   std::int64_t user_id) {
  const AccessDecision decision = authorize(principal, Operation::remove_member, workspace_id);
  if (decision != AccessDecision::granted) return workspace_refusal(principal, decision);

  Database::Lease connection = database_.connect();
  Transaction transaction(*connection);
  MemberStore members(*connection);
  std::optional<MemberRecord> member = members.find(workspace_id, user_id);
  if (!member) return member_not_found();
  if (is_last_owner(members, workspace_id, *member)) return last_owner();

  const std::int64_t now = clock_.now();
  AuditStore audit(*connection);
  // The tokens the member owns stop at once: their authority left with the member.
  const std::vector<StoredToken> disabled =
      TokenStore(*connection).disable_owned_by(workspace_id, user_id, now);
  for (const StoredToken &stored : disabled) {
    AuditEntry entry = resource_audit(principal, workspace_id, "access_token.disable",
                                      "access_token", stored.token.id, now);
    entry.details = {{"identifier", stored.token.identifier},
                     {"name", stored.token.name},
                     {"reason", std::string(wire_name(DisabledReason::owner_removed))}};
    audit.append(entry);
  }
  members.remove(workspace_id, user_id);
  AuditEntry entry =
      resource_audit(principal, workspace_id, "member.removed", "user", user_id, now);
  entry.details = {{"name", member->name},
                   {"role", std::string(wire_name(member->role))},
                   {"tokens_disabled", disabled.size()}};
  audit.append(entry);
  transaction.commit();
  return Done{};
}

}  // namespace hawzu::server
