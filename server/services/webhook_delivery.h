// The webhook delivery worker (docs/product.md#webhooks): kDeliveryThreads background
// threads that poll every second for queued events that are due, on every server of a
// cluster (two, so one slow receiver does not hold up every other workspace's events).
// Each event is claimed in one UPDATE (store/webhook_store.h) so two servers never
// send the same attempt at once, then POSTed to the webhook's URL with its stored
// body and the headers
//   Content-Type: application/json, User-Agent: Hawzu-Webhook,
//   X-Hawzu-Event: <event>, X-Hawzu-Delivery: <event id>,
//   X-Hawzu-Signature: sha256=<hex HMAC-SHA256 of the body, keyed with the secret>.
// A 2xx answer delivers it; anything else (another status, no answer within the
// timeouts, a refused address) is retried on services/webhook_retry.h's schedule and
// finally marked failed. The host is resolved and checked again before each attempt
// (services/webhook_target.h), and the connection goes to the checked address. Every
// attempt is recorded; the latest kWebhookDeliveriesKept per workspace are kept. Due
// times follow the server's clock, so tests that move it see retries at once. Never
// runs on a request thread. Thread-safe.
#pragma once

#include "db/database.h"
#include "security/secret_box.h"
#include "util/clock.h"
#include "util/periodic_task.h"

#include <atomic>
#include <chrono>
#include <memory>
#include <vector>

namespace hawzu::server {

inline constexpr int kDeliveryThreads = 2;

struct WebhookTimeouts {
  std::chrono::seconds connect{5};
  std::chrono::seconds read{5};
  std::chrono::seconds total{15};  // a receiver trickling its answer is cut off
};

class WebhookDelivery {
 public:
  WebhookDelivery(Database &database, const Clock &clock, const SecretBox &secrets,
                  bool allow_private_targets, WebhookTimeouts timeouts = {});
  ~WebhookDelivery() { stop(); }

  // Attempts every event due now, one after another; how many attempts it made.
  int deliver_due();

  void start();  // polls every second on each thread
  void stop();   // waits for an attempt in progress

 private:
  // Claims and attempts one due event; false when none was due.
  bool deliver_one();

  Database &database_;
  const Clock &clock_;
  const SecretBox &secrets_;
  const bool allow_private_targets_;
  const WebhookTimeouts timeouts_;
  std::atomic<bool> stopping_{false};
  std::vector<std::unique_ptr<PeriodicTask>> tasks_;
};

}  // namespace hawzu::server
