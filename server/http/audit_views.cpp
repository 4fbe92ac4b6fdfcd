#include "http/audit_views.h"

#include "services/audit_actions.h"
#include "shared/calendar.h"

#include <optional>

namespace hawzu::server {
namespace {

// Who acted or what was acted on, as both forms show it.
struct AuditParty {
  std::string type;  // "user", "token", "system"; for targets the stored target type
  std::optional<std::int64_t> id;
  std::string name;
};

// The server acting on its own (start-up steps, the sweeper) is "system".
AuditParty actor_of(const AuditRecord &record) {
  const AuditEntry &entry = record.entry;
  if (entry.actor_token_id) return {"token", entry.actor_token_id, record.actor_name};
  if (entry.actor_user_id) return {"user", entry.actor_user_id, record.actor_name};
  return {"system", std::nullopt, "Hawzu"};
}

std::optional<AuditParty> target_of(const AuditRecord &record) {
  const AuditEntry &entry = record.entry;
  if (entry.target_type.empty()) return std::nullopt;
  return AuditParty{entry.target_type, entry.target_id, record.target_name};
}

std::string action_of(const AuditRecord &record) {
  // Only API actions are listed (AuditFilter::actions), so the name is always there.
  return std::string(audit_action_wire_name(record.entry.action).value_or(record.entry.action));
}

nlohmann::json party_json(const AuditParty &party) {
  return {{"type", party.type},
          {"id", party.id ? nlohmann::json(*party.id) : nlohmann::json(nullptr)},
          {"name", party.name}};
}

std::string text_of(std::optional<std::int64_t> id) {
  return id ? std::to_string(*id) : std::string();
}

}  // namespace

nlohmann::json audit_event_json(const AuditRecord &record) {
  const std::optional<AuditParty> target = target_of(record);
  return {
      {"id", record.id},
      {"time", format_rfc3339_utc(record.entry.time)},
      {"actor", party_json(actor_of(record))},
      {"action", action_of(record)},
      {"target", target ? party_json(*target) : nlohmann::json(nullptr)},
      {"ip", record.entry.ip.empty() ? nlohmann::json(nullptr) : nlohmann::json(record.entry.ip)},
      {"details", record.entry.details}};
}

const std::vector<std::string> &audit_csv_header() {
  static const std::vector<std::string> header = {
      "id",          "time",      "action",      "actor_type", "actor_id", "actor_name",
      "target_type", "target_id", "target_name", "ip",         "details"};
  return header;
}

std::vector<std::string> audit_csv_fields(const AuditRecord &record) {
  const AuditParty actor = actor_of(record);
  const std::optional<AuditParty> target = target_of(record);
  return {std::to_string(record.id),
          format_rfc3339_utc(record.entry.time),
          action_of(record),
          actor.type,
          text_of(actor.id),
          actor.name,
          target ? target->type : "",
          target ? text_of(target->id) : "",
          target ? target->name : "",
          record.entry.ip,
          record.entry.details.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)};
}

}  // namespace hawzu::server
