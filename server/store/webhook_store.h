// The webhook tables (docs/product.md#webhooks): each workspace's webhook, the events
// queued for it and the attempts to deliver them. SQL only; the rules are in
// services/webhook_events.h (queuing), services/webhook_service.h (the webhook) and
// services/webhook_delivery.h (claiming and sending). Not thread-safe.
#pragma once

#include "db/database.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hawzu::server {

struct WebhookRow {
  std::int64_t workspace_id = 0;
  std::string url;
  std::vector<std::string> events;  // wire names
  std::vector<unsigned char> secret_sealed;
  std::optional<std::int64_t> created_by;
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
};

struct NewWebhookEvent {
  std::string event_id;  // "evt_..."
  std::int64_t workspace_id = 0;
  std::string event;  // wire name
  std::string body;   // the JSON body as it will be signed and sent
  std::int64_t created_at = 0;
};

struct WebhookSave {
  std::int64_t workspace_id = 0;
  std::string url;
  std::vector<std::string> events;  // wire names
  std::vector<unsigned char> secret_sealed;
  std::int64_t saved_by = 0;
  std::int64_t now = 0;
};

// A queued event a delivery worker has claimed.
struct ClaimedWebhookEvent {
  std::int64_t row_id = 0;
  std::string event_id;
  std::int64_t workspace_id = 0;
  std::string event;
  std::string body;
  std::int64_t created_at = 0;
  int attempts = 0;  // made before this one
};

// One attempt to deliver an event, as recorded.
struct WebhookAttemptRow {
  std::int64_t event_row = 0;
  std::int64_t workspace_id = 0;
  std::int64_t time = 0;
  std::string url;
  std::optional<int> status_code;  // nullopt: no HTTP answer
  std::optional<std::string> error;
  std::int64_t duration_ms = 0;
  int attempt = 1;
  std::optional<std::int64_t> next_attempt_at;  // nullopt: none follows
};

// An attempt as the deliveries list shows it.
struct WebhookDeliveryRow {
  std::int64_t id = 0;
  std::string event_id;
  std::string event;
  WebhookAttemptRow attempt;
};

enum class WebhookEventState { pending, delivered, failed };

class WebhookStore {
 public:
  explicit WebhookStore(Connection &connection) : db_(connection) {}

  std::optional<WebhookRow> find(std::int64_t workspace_id);

  // Creates or replaces the workspace's webhook (created_at is kept on a replace).
  void save(const WebhookSave &webhook);
  // Removes the webhook and drops its events still pending. False when there was none.
  bool remove(std::int64_t workspace_id);

  // Queues the event, due at once.
  void insert_event(const NewWebhookEvent &event);

  // Whether some pending event is due and unclaimed at `now` (a read: the idle poll
  // takes no write lock).
  bool any_due(std::int64_t now);
  // Claims the pending event due longest ago (next_attempt_at <= now) that no one holds
  // (claimed_until <= now), holding it until `claimed_until`, in one UPDATE: two
  // servers never claim the same attempt.
  std::optional<ClaimedWebhookEvent> claim_due(std::int64_t now, std::int64_t claimed_until);
  // Releases a claimed event in its new state after `attempts` attempts; a pending one
  // is due again at `next_attempt_at`.
  void finish_event(std::int64_t row_id, WebhookEventState state, int attempts,
                    std::int64_t next_attempt_at);

  // Records the attempt and keeps the latest `keep` of the workspace.
  void record_attempt(const WebhookAttemptRow &attempt, int keep);
  // The workspace's latest attempts, newest first.
  std::vector<WebhookDeliveryRow> deliveries(std::int64_t workspace_id, int limit);

 private:
  Connection &db_;
};

}  // namespace hawzu::server
