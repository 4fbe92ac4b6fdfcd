#include "services/webhook_events.h"

#include "security/random_text.h"
#include "shared/calendar.h"
#include "store/webhook_store.h"
#include "store/workspace_store.h"

#include <algorithm>
#include <array>
#include <string>

namespace hawzu::server {
namespace {

struct EventName {
  WebhookEvent event;
  std::string_view wire;
};

constexpr std::array<EventName, 5> kEventNames{{
    {WebhookEvent::expiring, "access_token.expiring"},
    {WebhookEvent::expired, "access_token.expired"},
    {WebhookEvent::auto_disabled, "access_token.auto_disabled"},
    {WebhookEvent::leaked, "access_token.leaked"},
    {WebhookEvent::revoked, "access_token.revoked"},
}};

// 24 base62 characters: 142 bits, so ids never collide in practice (and the unique
// index turns the impossible case into an error instead of a merged delivery).
constexpr std::size_t kEventIdLength = 24;

}  // namespace

std::string_view wire_name(WebhookEvent event) {
  for (const EventName &name : kEventNames)
    if (name.event == event) return name.wire;
  return "";
}

std::optional<WebhookEvent> parse_webhook_event(std::string_view wire) {
  for (const EventName &name : kEventNames)
    if (name.wire == wire) return name.event;
  return std::nullopt;
}

const std::vector<WebhookEvent> &all_webhook_events() {
  static const std::vector<WebhookEvent> events = [] {
    std::vector<WebhookEvent> all;
    for (const EventName &name : kEventNames) all.push_back(name.event);
    return all;
  }();
  return events;
}

namespace {

// Writes the event row: the body gets its id, the time and the workspace; `subject`
// (the token object, or null) and `data` are the event's own.
std::string queue_event(Connection &connection, std::int64_t now, std::int64_t workspace_id,
                        const std::string &wire, nlohmann::json subject,
                        const nlohmann::json &data) {
  NewWebhookEvent queued;
  queued.event_id = "evt_" + std::string(random_base62(kEventIdLength).view());
  queued.workspace_id = workspace_id;
  queued.event = wire;
  queued.created_at = now;
  const std::string workspace_name =
      WorkspaceStore(connection).workspace_name(workspace_id).value_or("");
  nlohmann::json body = {{"id", queued.event_id},
                         {"event", wire},
                         {"time", format_rfc3339_utc(now)},
                         {"workspace", {{"id", workspace_id}, {"name", workspace_name}}},
                         {"access_token", std::move(subject)},
                         {"data", data.is_object() ? data : nlohmann::json::object()}};
  queued.body = body.dump();
  WebhookStore(connection).insert_event(queued);
  return queued.event_id;
}

}  // namespace

bool queue_webhook_event(Connection &connection, std::int64_t now, std::int64_t workspace_id,
                         WebhookEvent event, const AccessToken &token, const nlohmann::json &data) {
  std::optional<WebhookRow> webhook = WebhookStore(connection).find(workspace_id);
  const std::string wire(wire_name(event));
  if (!webhook ||
      std::find(webhook->events.begin(), webhook->events.end(), wire) == webhook->events.end())
    return false;
  queue_event(connection, now, workspace_id, wire, to_json(token), data);
  return true;
}

std::string queue_test_webhook_event(Connection &connection, std::int64_t now,
                                     std::int64_t workspace_id) {
  return queue_event(connection, now, workspace_id, std::string(kTestEventName), nullptr,
                     {{"message", "A test event sent from Hawzu: the webhook works."}});
}

}  // namespace hawzu::server
