// A workspace's webhook (docs/product.md#webhooks), in the web app: Owners save, remove
// and test it, Owners and Managers see it and its latest deliveries. Saving replaces
// the webhook and always issues a new signing secret, returned once and stored sealed
// (security/secret_box.h); a change and its audit row (workspace.webhook_changed with
// url and events, workspace.webhook_removed) are one transaction. The URL's host must
// resolve to public addresses only unless the server allows private ones
// (services/webhook_target.h): saving resolves it, so it blocks that long. Sending is
// services/webhook_delivery.h's. Thread-safe.
#pragma once

#include "auth/principal.h"
#include "db/database.h"
#include "security/secret_box.h"
#include "services/body_request.h"
#include "services/service_result.h"
#include "services/webhook_request.h"
#include "store/webhook_store.h"
#include "util/clock.h"

#include <cstdint>
#include <string>
#include <vector>

namespace hawzu::server {

inline constexpr int kWebhookDeliveriesKept = 100;

struct SavedWebhook {
  WebhookRow webhook;
  SecretString secret;  // "whsec_...", shown this once
};

class WebhookService {
 public:
  WebhookService(Database &database, const Clock &clock, const SecretBox &secrets,
                 bool allow_private_targets)
      : database_(database),
        clock_(clock),
        secrets_(secrets),
        allow_private_targets_(allow_private_targets) {}

  Result<WebhookRow> get(const Principal &principal, std::int64_t workspace_id);
  Result<SavedWebhook> put(const Principal &principal, std::int64_t workspace_id,
                           const BodyRequest<WebhookSettings> &request);
  Result<Done> remove(const Principal &principal, std::int64_t workspace_id);
  Result<std::vector<WebhookDeliveryRow>> deliveries(const Principal &principal,
                                                     std::int64_t workspace_id);
  // Queues a webhook.test event; its id.
  Result<std::string> send_test(const Principal &principal, std::int64_t workspace_id);

 private:
  Database &database_;
  const Clock &clock_;
  const SecretBox &secrets_;
  const bool allow_private_targets_;
};

}  // namespace hawzu::server
