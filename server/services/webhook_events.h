// The events a workspace's webhook can subscribe to (docs/product.md#webhooks), and how
// one is queued. Queuing writes a webhook_events row inside the caller's write
// transaction, so an event is announced exactly when the change it reports commits;
// the delivery worker sends it later, off the request threads, at least once. The body
// is fixed when queued (what is signed and sent on every attempt):
//   {"id":"evt_…","event":"access_token.expiring","time":"…Z",
//    "workspace":{"id":…,"name":"…"},"access_token":{token object},"data":{…}}
// where data holds what the event adds (days_left, a leak's url and source). The test
// event an Owner sends ("webhook.test") has access_token null and data {"message"}; it
// is not one to subscribe to. Thread-safe (pure apart from the caller's connection).
#pragma once

#include "db/database.h"
#include "shared/access_token.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hawzu::server {

inline constexpr std::string_view kTestEventName = "webhook.test";

enum class WebhookEvent { expiring, expired, auto_disabled, leaked, revoked };

std::string_view wire_name(WebhookEvent event);  // "access_token.expiring", ...
std::optional<WebhookEvent> parse_webhook_event(std::string_view wire);
const std::vector<WebhookEvent> &all_webhook_events();

// Queues `event` about `token` (as it is after the change) when the workspace has a
// webhook subscribed to it; does nothing otherwise. Returns whether it queued.
bool queue_webhook_event(Connection &connection, std::int64_t now, std::int64_t workspace_id,
                         WebhookEvent event, const AccessToken &token,
                         const nlohmann::json &data = nlohmann::json::object());

// Queues the test event (whatever the webhook subscribes to) and returns its id.
// REQUIRES: the workspace has a webhook.
std::string queue_test_webhook_event(Connection &connection, std::int64_t now,
                                     std::int64_t workspace_id);

}  // namespace hawzu::server
