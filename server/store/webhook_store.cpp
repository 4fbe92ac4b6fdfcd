#include "store/webhook_store.h"

#include <nlohmann/json.hpp>

namespace hawzu::server {

std::optional<WebhookRow> WebhookStore::find(std::int64_t workspace_id) {
  Statement statement = db_.prepare(
      "SELECT url, events, secret_sealed, created_by, created_at, updated_at FROM webhooks "
      "WHERE workspace_id = ?");
  statement.bind(1, workspace_id);
  if (!statement.step()) return std::nullopt;
  WebhookRow row;
  row.workspace_id = workspace_id;
  row.url = statement.column_text(0);
  // Written by this store from a checked list; anything else reads as no events.
  nlohmann::json events = nlohmann::json::parse(statement.column_text(1), nullptr, false);
  if (events.is_array())
    for (const nlohmann::json &event : events)
      if (event.is_string()) row.events.push_back(event.get<std::string>());
  row.secret_sealed = statement.column_blob(2);
  row.created_by = statement.column_optional_int64(3);
  row.created_at = statement.column_int64(4);
  row.updated_at = statement.column_int64(5);
  return row;
}

void WebhookStore::insert_event(const NewWebhookEvent &event) {
  db_.prepare(
         "INSERT INTO webhook_events (event_id, workspace_id, event, body, created_at, "
         "next_attempt_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5)")
      .bind(1, event.event_id)
      .bind(2, event.workspace_id)
      .bind(3, event.event)
      .bind(4, event.body)
      .bind(5, event.created_at)
      .run();
}

}  // namespace hawzu::server
