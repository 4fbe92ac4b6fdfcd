#include "services/audit_actions.h"

namespace hawzu::server {
namespace {

struct AuditAction {
  std::string_view wire;
  std::string_view stored;
};

constexpr AuditAction kAuditActions[] = {
    {"sign_in", "session.sign_in"},
    {"sign_in_failed", "session.sign_in_failed"},
    {"create", "access_token.create"},
    {"edit", "access_token.edit"},
    {"disable", "access_token.disable"},
    {"enable", "access_token.enable"},
    {"rotate", "access_token.rotate"},
    {"revoke", "access_token.revoke"},
    {"member_role_changed", "member.role_changed"},
    {"member_removed", "member.removed"},
    {"owner_changed", "access_token.owner_changed"},
    {"auto_disabled", "access_token.auto_disabled"},
    {"leak_reported", "access_token.leak_reported"},
    {"policy_changed", "workspace.policy_changed"},
    {"webhook_changed", "workspace.webhook_changed"},
    {"webhook_removed", "workspace.webhook_removed"},
};

}  // namespace

std::optional<std::string_view> audit_action_wire_name(std::string_view stored) {
  for (const AuditAction &action : kAuditActions)
    if (action.stored == stored) return action.wire;
  return std::nullopt;
}

std::optional<std::string_view> audit_action_stored_name(std::string_view wire) {
  for (const AuditAction &action : kAuditActions)
    if (action.wire == wire) return action.stored;
  return std::nullopt;
}

const std::vector<std::string> &audit_api_stored_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> all;
    for (const AuditAction &action : kAuditActions) all.emplace_back(action.stored);
    return all;
  }();
  return names;
}

std::string audit_action_values_message() {
  std::string message = "Must be one of: ";
  for (const AuditAction &action : kAuditActions) {
    if (&action != kAuditActions) message += ", ";
    message += action.wire;
  }
  return message + ".";
}

}  // namespace hawzu::server
