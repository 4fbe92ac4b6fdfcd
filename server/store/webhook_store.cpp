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

void WebhookStore::save(const WebhookSave &webhook) {
  db_.prepare(
         "INSERT INTO webhooks (workspace_id, url, events, secret_sealed, created_by, created_at, "
         "updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6) ON CONFLICT (workspace_id) DO UPDATE "
         "SET url = excluded.url, events = excluded.events, secret_sealed = "
         "excluded.secret_sealed, updated_at = excluded.updated_at")
      .bind(1, webhook.workspace_id)
      .bind(2, webhook.url)
      .bind(3, nlohmann::json(webhook.events).dump())
      .bind_blob(4, webhook.secret_sealed.data(), webhook.secret_sealed.size())
      .bind(5, webhook.saved_by)
      .bind(6, webhook.now)
      .run();
}

bool WebhookStore::remove(std::int64_t workspace_id) {
  db_.prepare("DELETE FROM webhooks WHERE workspace_id = ?").bind(1, workspace_id).run();
  if (db_.changes() == 0) return false;
  db_.prepare("DELETE FROM webhook_events WHERE workspace_id = ? AND state = 'pending'")
      .bind(1, workspace_id)
      .run();
  return true;
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

bool WebhookStore::any_due(std::int64_t now) {
  Statement statement = db_.prepare(
      "SELECT EXISTS (SELECT 1 FROM webhook_events WHERE state = 'pending' AND "
      "next_attempt_at <= ?1 AND claimed_until <= ?1)");
  statement.bind(1, now);
  return statement.step() && statement.column_int64(0) != 0;
}

std::optional<ClaimedWebhookEvent> WebhookStore::claim_due(std::int64_t now,
                                                           std::int64_t claimed_until) {
  // The outer conditions are checked again on the row itself: on PostgreSQL a row
  // another server claimed meanwhile no longer matches once its lock is released.
  Statement statement = db_.prepare(
      "UPDATE webhook_events SET claimed_until = ?1 WHERE id = (SELECT id FROM webhook_events "
      "WHERE state = 'pending' AND next_attempt_at <= ?2 AND claimed_until <= ?2 "
      "ORDER BY next_attempt_at, id LIMIT 1) AND state = 'pending' AND claimed_until <= ?2 "
      "RETURNING id, event_id, workspace_id, event, body, created_at, attempts");
  statement.bind(1, claimed_until).bind(2, now);
  if (!statement.step()) return std::nullopt;
  ClaimedWebhookEvent event;
  event.row_id = statement.column_int64(0);
  event.event_id = statement.column_text(1);
  event.workspace_id = statement.column_int64(2);
  event.event = statement.column_text(3);
  event.body = statement.column_text(4);
  event.created_at = statement.column_int64(5);
  event.attempts = static_cast<int>(statement.column_int64(6));
  while (statement.step()) {
  }
  return event;
}

void WebhookStore::finish_event(std::int64_t row_id, WebhookEventState state, int attempts,
                                std::int64_t next_attempt_at) {
  const char *state_name = state == WebhookEventState::pending     ? "pending"
                           : state == WebhookEventState::delivered ? "delivered"
                                                                   : "failed";
  db_.prepare(
         "UPDATE webhook_events SET state = ?2, attempts = ?3, next_attempt_at = ?4, "
         "claimed_until = 0 WHERE id = ?1")
      .bind(1, row_id)
      .bind(2, state_name)
      .bind(3, attempts)
      .bind(4, next_attempt_at)
      .run();
}

void WebhookStore::record_attempt(const WebhookAttemptRow &attempt, int keep) {
  Statement insert = db_.prepare(
      "INSERT INTO webhook_attempts (event_row, workspace_id, time, url, status_code, error, "
      "duration_ms, attempt, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  insert.bind(1, attempt.event_row)
      .bind(2, attempt.workspace_id)
      .bind(3, attempt.time)
      .bind(4, attempt.url)
      .bind(5, std::optional<std::int64_t>(attempt.status_code))
      .bind(6, attempt.error)
      .bind(7, attempt.duration_ms)
      .bind(8, attempt.attempt)
      .bind(9, attempt.next_attempt_at)
      .run();
  db_.prepare(
         "DELETE FROM webhook_attempts WHERE workspace_id = ?1 AND id <= (SELECT id FROM "
         "webhook_attempts WHERE workspace_id = ?1 ORDER BY id DESC LIMIT 1 OFFSET ?2)")
      .bind(1, attempt.workspace_id)
      .bind(2, keep)
      .run();
}

std::vector<WebhookDeliveryRow> WebhookStore::deliveries(std::int64_t workspace_id, int limit) {
  Statement statement = db_.prepare(
      "SELECT a.id, e.event_id, e.event, a.time, a.url, a.status_code, a.error, a.duration_ms, "
      "a.attempt, a.next_attempt_at, a.event_row FROM webhook_attempts a "
      "JOIN webhook_events e ON e.id = a.event_row WHERE a.workspace_id = ? "
      "ORDER BY a.id DESC LIMIT ?");
  statement.bind(1, workspace_id).bind(2, limit);
  std::vector<WebhookDeliveryRow> rows;
  while (statement.step()) {
    WebhookDeliveryRow row;
    row.id = statement.column_int64(0);
    row.event_id = statement.column_text(1);
    row.event = statement.column_text(2);
    row.attempt.time = statement.column_int64(3);
    row.attempt.url = statement.column_text(4);
    if (!statement.column_is_null(5))
      row.attempt.status_code = static_cast<int>(statement.column_int64(5));
    row.attempt.error = statement.column_optional_text(6);
    row.attempt.duration_ms = statement.column_int64(7);
    row.attempt.attempt = static_cast<int>(statement.column_int64(8));
    row.attempt.next_attempt_at = statement.column_optional_int64(9);
    row.attempt.event_row = statement.column_int64(10);
    row.attempt.workspace_id = workspace_id;
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace hawzu::server
