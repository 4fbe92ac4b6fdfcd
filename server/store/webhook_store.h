// The webhook tables (docs/product.md#webhooks): each workspace's webhook and the events
// queued for it. SQL only; the rules are in services/webhook_events.h.
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

class WebhookStore {
 public:
  explicit WebhookStore(Connection &connection) : db_(connection) {}

  std::optional<WebhookRow> find(std::int64_t workspace_id);

  // Queues the event, due at once.
  void insert_event(const NewWebhookEvent &event);

 private:
  Connection &db_;
};

}  // namespace hawzu::server
