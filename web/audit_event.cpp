#include "web/audit_event.h"

#include "web/format.h"

#include "shared/calendar.h"
#include "shared/roles.h"

#include <nlohmann/json.hpp>

namespace hawzu {
namespace {

using nlohmann::json;

struct ActionLabel {
  const char *action;
  const char *label;
};

// The API's actions (docs/api.md#audit-events), in its order.
constexpr ActionLabel kActionLabels[] = {
    {"sign_in", "Signed in"},
    {"sign_in_failed", "Sign-in failed"},
    {"create", "Created"},
    {"edit", "Edited"},
    {"disable", "Disabled"},
    {"enable", "Enabled"},
    {"rotate", "Rotated"},
    {"revoke", "Revoked"},
    {"member_role_changed", "Member role changed"},
    {"member_removed", "Member removed"},
    {"owner_changed", "Owner changed"},
    {"auto_disabled", "Disabled automatically"},
    {"leak_reported", "Reported as leaked"},
    {"policy_changed", "Token policy changed"},
    {"webhook_changed", "Webhook saved"},
    {"webhook_removed", "Webhook removed"},
};

std::string text_of(const json &object, const char *key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : "";
}

std::optional<AuditParty> party_from_json(const json &value) {
  if (!value.is_object()) return std::nullopt;
  AuditParty party;
  party.type = text_of(value, "type");
  auto id = value.find("id");
  if (id != value.end() && id->is_number_integer()) party.id = id->get<std::int64_t>();
  party.name = text_of(value, "name");
  if (party.type.empty()) return std::nullopt;
  return party;
}

// A role's display name from its wire name, else the text as it came.
std::string role_words(const json &value) {
  if (!value.is_string()) return value.dump();
  const std::string wire = value.get<std::string>();
  if (auto role = parse_workspace_role(wire)) return std::string(display_name(*role));
  if (auto role = parse_project_role(wire)) return std::string(display_name(*role));
  return wire;
}

// A changed value as the page writes it: a role's name, a local date, "never".
std::string value_words(const std::string &field, const json &value) {
  if (field == "expires_at") {
    if (!value.is_string()) return "never";
    if (auto when = parse_rfc3339(value.get<std::string>())) return format_date(*when);
  }
  if (value.is_null()) return "none";
  if (value.is_string()) return role_words(value);
  return value.dump();
}

// The edited fields as the windows name them.
std::string field_words(const std::string &field) {
  if (field == "workspace_role") return "role";
  if (field == "expires_at") return "expiry";
  return field;
}

// A token policy member as the Token policy page names it.
std::string policy_member_words(const std::string &member) {
  if (member == "max_lifetime_days") return "maximum lifetime (days)";
  if (member == "allow_never_expires") return "Never Expires allowed";
  if (member == "disable_after_unused_days") return "disable after unused (days)";
  if (member == "expiry_warning_days") return "reminder days";
  return member;
}

// What changed, in one line: the edit's fields, a role change, a reason.
std::string summarize(const std::string &action, const json &details) {
  if (!details.is_object()) return "";
  std::string summary;
  const auto add = [&summary](const std::string &part) {
    if (!summary.empty()) summary += "; ";
    summary += part;
  };
  if (auto changes = details.find("changes"); changes != details.end() && changes->is_object()) {
    for (const auto &[field, change] : changes->items()) {
      const bool plain = change.is_object() && change.contains("from") && change.contains("to") &&
                         !change["from"].is_array() && !change["to"].is_array();
      if (plain)
        add(field_words(field) + ": " + value_words(field, change["from"]) + " \xE2\x86\x92 " +
            value_words(field, change["to"]));
      else
        add(field_words(field) + " changed");
    }
  }
  if (action == "policy_changed") {
    // {"from": policy, "to": policy}: the members that differ.
    const json from = details.value("from", json::object());
    const json to = details.value("to", json::object());
    if (from.is_object() && to.is_object())
      for (const auto &[member, value] : to.items())
        if (from.value(member, json()) != value)
          add(policy_member_words(member) + ": " + value_words(member, from.value(member, json())) +
              " \xE2\x86\x92 " + value_words(member, value));
    return summary;
  }
  if (auto days = details.find("unused_days"); days != details.end() && days->is_number_integer())
    add("unused for " + std::to_string(days->get<std::int64_t>()) + " days");
  if (std::string url = text_of(details, "url"); !url.empty()) {
    if (action == "leak_reported") {
      const std::string source = text_of(details, "source");
      add("found at " + url + (source.empty() ? "" : " (" + source + ")"));
    } else {
      add(url);  // a webhook's target
    }
  }
  if (details.contains("from") && details.contains("to") && action != "edit") {
    const json &from = details["from"];
    const json &to = details["to"];
    const auto who = [](const json &side) {
      if (side.is_object()) return text_of(side, "name");
      return value_words("", side);
    };
    add(who(from) + " \xE2\x86\x92 " + who(to));
  }
  if (std::string reason = text_of(details, "reason"); !reason.empty()) {
    if (reason == "owner_removed") reason = "its owner left the workspace";
    if (reason == "wrong_password") reason = "wrong password";
    add(reason);
  }
  if (std::string overlap = text_of(details, "overlap"); !overlap.empty())
    add(overlap == "none" ? "no overlap" : "previous value works for " + overlap);
  if (auto disabled = details.find("tokens_disabled");
      disabled != details.end() && disabled->is_number_integer()) {
    const std::int64_t count = disabled->get<std::int64_t>();
    add(std::to_string(count) + (count == 1 ? " token disabled" : " tokens disabled"));
  }
  return summary;
}

}  // namespace

std::optional<AuditEvent> audit_event_from_json(const json &item) {
  if (!item.is_object()) return std::nullopt;
  AuditEvent event;
  auto id = item.find("id");
  if (id == item.end() || !id->is_number_integer()) return std::nullopt;
  event.id = id->get<std::int64_t>();
  std::optional<std::int64_t> time = parse_rfc3339(text_of(item, "time"));
  if (!time) return std::nullopt;
  event.time = *time;
  std::optional<AuditParty> actor = party_from_json(item.value("actor", json()));
  if (!actor) return std::nullopt;
  event.actor = std::move(*actor);
  event.action = text_of(item, "action");
  event.target = party_from_json(item.value("target", json()));
  event.ip = text_of(item, "ip");
  const json details = item.value("details", json::object());
  event.details_summary = summarize(event.action, details);
  return event;
}

const std::vector<std::string> &audit_actions() {
  static const std::vector<std::string> actions = [] {
    std::vector<std::string> all;
    for (const ActionLabel &label : kActionLabels) all.emplace_back(label.action);
    return all;
  }();
  return actions;
}

std::string audit_action_label(const std::string &action) {
  for (const ActionLabel &label : kActionLabels)
    if (action == label.action) return label.label;
  return action;
}

std::string audit_actor_label(const AuditParty &actor) {
  if (actor.type == "system") return "Hawzu (automatic)";
  if (actor.type == "token") return "Token \xE2\x80\x9C" + actor.name + "\xE2\x80\x9D";
  return actor.name.empty() ? "Person " + std::to_string(actor.id) : actor.name;
}

std::string audit_target_label(const std::optional<AuditParty> &target) {
  if (!target) return "\xE2\x80\x94";
  if (target->type == "access_token") {
    if (target->name.empty()) return "Token " + std::to_string(target->id);
    return "\xE2\x80\x9C" + target->name + "\xE2\x80\x9D";
  }
  return target->name.empty() ? "Person " + std::to_string(target->id) : target->name;
}

}  // namespace hawzu
