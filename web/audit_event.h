// An entry of the workspace's audit log as the web app shows it (GET .../audit-events),
// and the words for it: the action's name, and a sentence of what changed.
#pragma once

#include "shared/access_token.h"

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hawzu {

struct AuditParty {
  std::string type;  // actor: "user", "token", "system"; target: "access_token", "user"
  std::int64_t id = 0;
  std::string name;
};

struct AuditEvent {
  std::int64_t id = 0;
  std::int64_t time = 0;
  AuditParty actor;
  std::string action;  // "create", "rotate", ...
  std::optional<AuditParty> target;
  std::string ip;               // empty when none
  std::string details_summary;  // "name: CI Runner → CI Runner 2"; empty when nothing to say
};

// Nullopt when `item` is not an audit event.
std::optional<AuditEvent> audit_event_from_json(const nlohmann::json &item);

// The actions the log can hold, in the filter's order (the API's list).
const std::vector<std::string> &audit_actions();
// "Created", "Rotated", "Member role changed"; the wire name for an unknown one.
std::string audit_action_label(const std::string &action);

// "Olivia Owens", "Token “CI Runner”", "Hawzu (automatic)".
std::string audit_actor_label(const AuditParty &actor);
// "“CI Runner”", "Sam Rivera"; "—" when there is no target.
std::string audit_target_label(const std::optional<AuditParty> &target);

}  // namespace hawzu
