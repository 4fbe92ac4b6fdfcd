#include "services/webhook_delivery.h"

#include "http/httplib_config.h"
#include "security/webhook_signature.h"
#include "services/webhook_retry.h"
#include "services/webhook_service.h"
#include "services/webhook_target.h"
#include "services/webhook_url.h"
#include "store/webhook_store.h"
#include "util/event_log.h"

#include <optional>
#include <string>

namespace hawzu::server {
namespace {

// Longer than one attempt can take (resolving, the timeouts), so a claim never runs
// out while its holder is still sending; a holder that died frees it after this.
constexpr std::int64_t kClaimSeconds = 120;
// The most of a receiver's answer that is read; the rest is not waited for.
constexpr std::size_t kMaxAnswerBytes = 64 * 1024;
// Attempts one poll makes at most, so stopping never waits on a long queue.
constexpr int kMaxAttemptsPerPoll = 100;

struct AttemptOutcome {
  std::optional<int> status_code;
  std::optional<std::string> error;
  bool delivered() const { return status_code && *status_code >= 200 && *status_code < 300; }
};

AttemptOutcome post_event(const WebhookUrl &url, const std::string &address,
                          const ClaimedWebhookEvent &event, std::string_view secret,
                          const WebhookTimeouts &timeouts) {
  std::unique_ptr<httplib::ClientImpl> client;
  if (url.https)
    client = std::make_unique<httplib::SSLClient>(url.host, url.port);
  else
    client = std::make_unique<httplib::ClientImpl>(url.host, url.port);
  // Connect to the address that was checked, not to whatever a second lookup returns;
  // TLS still verifies the certificate against the host name.
  client->set_hostname_addr_map({{url.host, address}});
  client->set_connection_timeout(timeouts.connect);
  client->set_read_timeout(timeouts.read);
  client->set_write_timeout(timeouts.read);
  client->set_follow_location(false);
  client->set_keep_alive(false);

  httplib::Request request;
  request.method = "POST";
  request.path = url.target;
  request.headers = {{"User-Agent", "Hawzu-Webhook"},
                     {"X-Hawzu-Event", event.event},
                     {"X-Hawzu-Delivery", event.event_id},
                     {"X-Hawzu-Signature", webhook_signature(event.body, secret)}};
  request.set_header("Content-Type", "application/json");
  request.body = event.body;
  std::optional<int> status;
  request.response_handler = [&status](const httplib::Response &response) {
    status = response.status;
    return true;
  };
  const auto deadline = std::chrono::steady_clock::now() + timeouts.total;
  std::size_t read = 0;
  request.content_receiver = [&read, deadline](const char *, std::size_t length, std::uint64_t,
                                               std::uint64_t) {
    read += length;
    return read <= kMaxAnswerBytes && std::chrono::steady_clock::now() < deadline;
  };

  httplib::Response response;
  httplib::Error error = httplib::Error::Success;
  const bool answered = client->send(request, response, error);
  AttemptOutcome outcome;
  if (answered)
    outcome.status_code = response.status;
  else if (status && error == httplib::Error::Canceled)
    outcome.status_code = status;  // the status came; the rest of the answer was cut off
  else
    outcome.error = httplib::to_string(error);
  return outcome;
}

}  // namespace

WebhookDelivery::WebhookDelivery(Database &database, const Clock &clock, const SecretBox &secrets,
                                 bool allow_private_targets, WebhookTimeouts timeouts)
    : database_(database),
      clock_(clock),
      secrets_(secrets),
      allow_private_targets_(allow_private_targets),
      timeouts_(timeouts) {}

bool WebhookDelivery::deliver_one() {
  const std::int64_t claimed_at = clock_.now();
  ClaimedWebhookEvent event;
  std::optional<WebhookRow> webhook;
  {
    Database::Lease connection = database_.connect();
    if (!WebhookStore(*connection).any_due(claimed_at)) return false;
    Transaction transaction(*connection);
    WebhookStore webhooks(*connection);
    std::optional<ClaimedWebhookEvent> claimed =
        webhooks.claim_due(claimed_at, claimed_at + kClaimSeconds);
    if (!claimed) return false;
    event = std::move(*claimed);
    webhook = webhooks.find(event.workspace_id);
    if (!webhook) webhooks.finish_event(event.row_id, WebhookEventState::failed, event.attempts, 0);
    transaction.commit();
    if (!webhook) return true;  // removed meanwhile: nothing to send to
  }

  const auto started = std::chrono::steady_clock::now();
  AttemptOutcome outcome;
  std::string why;
  std::optional<WebhookUrl> url = parse_webhook_url(webhook->url, why);
  std::optional<SecretString> secret = secrets_.open(webhook->secret_sealed);
  if (!url) {
    outcome.error = "The stored URL is not valid: " + why;
  } else if (!secret) {
    outcome.error =
        "The signing secret cannot be read with this server's key; save the webhook "
        "again.";
  } else {
    const WebhookTarget target = resolve_webhook_target(*url, allow_private_targets_);
    if (target.address.empty())
      outcome.error = target.refusal;
    else
      outcome = post_event(*url, target.address, event, secret->view(), timeouts_);
  }
  const auto elapsed = std::chrono::steady_clock::now() - started;

  const std::int64_t now = clock_.now();
  WebhookAttemptRow attempt;
  attempt.event_row = event.row_id;
  attempt.workspace_id = event.workspace_id;
  attempt.time = now;
  attempt.url = webhook->url;
  attempt.status_code = outcome.status_code;
  attempt.error = outcome.error;
  attempt.duration_ms = std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count();
  attempt.attempt = event.attempts + 1;
  WebhookEventState state = WebhookEventState::delivered;
  std::int64_t next_due = now;
  if (!outcome.delivered()) {
    attempt.next_attempt_at = next_attempt_time(event.created_at, attempt.attempt, now);
    state = attempt.next_attempt_at ? WebhookEventState::pending : WebhookEventState::failed;
    next_due = attempt.next_attempt_at.value_or(now);
  }
  Database::Lease connection = database_.connect();
  Transaction transaction(*connection);
  WebhookStore webhooks(*connection);
  webhooks.record_attempt(attempt, kWebhookDeliveriesKept);
  webhooks.finish_event(event.row_id, state, attempt.attempt, next_due);
  transaction.commit();
  if (state == WebhookEventState::failed)
    log_event("webhook delivery failed for good", event.event_id + " " + event.event);
  return true;
}

int WebhookDelivery::deliver_due() {
  int attempts = 0;
  while (!stopping_ && attempts < kMaxAttemptsPerPoll && deliver_one()) ++attempts;
  return attempts;
}

void WebhookDelivery::start() {
  if (!tasks_.empty()) return;
  stopping_ = false;
  for (int i = 0; i < kDeliveryThreads; ++i) {
    tasks_.push_back(std::make_unique<PeriodicTask>("webhook delivery", std::chrono::seconds(1),
                                                    [this] { deliver_due(); }));
    tasks_.back()->start();
  }
}

void WebhookDelivery::stop() {
  stopping_ = true;
  for (std::unique_ptr<PeriodicTask> &task : tasks_) task->stop();
  tasks_.clear();
}

}  // namespace hawzu::server
