#include "services/webhook_service.h"

#include "auth/authorization.h"
#include "security/webhook_signature.h"
#include "services/resource_access.h"
#include "services/webhook_events.h"
#include "services/webhook_target.h"
#include "store/audit_store.h"

#include <nlohmann/json.hpp>

namespace hawzu::server {
namespace {

ServiceError no_webhook() {
  return {ErrorKind::not_found, "not_found", "The workspace has no webhook.", {}, 0};
}

}  // namespace

Result<WebhookRow> WebhookService::get(const Principal &principal, std::int64_t workspace_id) {
  const AccessDecision decision = authorize(principal, Operation::read_webhook, workspace_id);
  if (decision != AccessDecision::granted) return workspace_refusal(principal, decision);
  Database::Lease connection = database_.connect();
  std::optional<WebhookRow> webhook = WebhookStore(*connection).find(workspace_id);
  if (!webhook) return no_webhook();
  return std::move(*webhook);
}

Result<SavedWebhook> WebhookService::put(const Principal &principal, std::int64_t workspace_id,
                                         const BodyRequest<WebhookSettings> &request) {
  const AccessDecision decision = authorize(principal, Operation::change_webhook, workspace_id);
  if (decision != AccessDecision::granted) return workspace_refusal(principal, decision);
  if (!request.errors.empty()) return invalid_fields(request.errors);
  const WebhookSettings &settings = request.changes;
  if (!allow_private_targets_) {
    // Resolved before the transaction: a slow name server must not hold the write lock.
    std::string why;
    const WebhookTarget target =
        resolve_webhook_target(*parse_webhook_url(settings.url, why), false);
    if (target.address.empty()) return invalid_fields({{"url", target.refusal}});
  }

  SecretString secret = new_webhook_secret();
  const std::int64_t now = clock_.now();
  Database::Lease connection = database_.connect();
  Transaction transaction(*connection);
  WebhookStore webhooks(*connection);
  WebhookSave save;
  save.workspace_id = workspace_id;
  save.url = settings.url;
  save.events = settings.events;
  save.secret_sealed = secrets_.seal(secret.view());
  save.saved_by = principal.person().user_id;
  save.now = now;
  webhooks.save(save);
  AuditEntry entry = resource_audit(principal, workspace_id, "workspace.webhook_changed",
                                    "workspace", workspace_id, now);
  entry.details = {{"url", settings.url}, {"events", settings.events}};
  AuditStore(*connection).append(entry);
  std::optional<WebhookRow> saved = webhooks.find(workspace_id);
  transaction.commit();
  return SavedWebhook{std::move(*saved), std::move(secret)};
}

Result<Done> WebhookService::remove(const Principal &principal, std::int64_t workspace_id) {
  const AccessDecision decision = authorize(principal, Operation::change_webhook, workspace_id);
  if (decision != AccessDecision::granted) return workspace_refusal(principal, decision);
  Database::Lease connection = database_.connect();
  Transaction transaction(*connection);
  WebhookStore webhooks(*connection);
  std::optional<WebhookRow> current = webhooks.find(workspace_id);
  if (!current || !webhooks.remove(workspace_id)) return no_webhook();
  const std::int64_t now = clock_.now();
  AuditEntry entry = resource_audit(principal, workspace_id, "workspace.webhook_removed",
                                    "workspace", workspace_id, now);
  entry.details = {{"url", current->url}, {"events", current->events}};
  AuditStore(*connection).append(entry);
  transaction.commit();
  return Done{};
}

Result<std::vector<WebhookDeliveryRow>> WebhookService::deliveries(const Principal &principal,
                                                                   std::int64_t workspace_id) {
  const AccessDecision decision = authorize(principal, Operation::read_webhook, workspace_id);
  if (decision != AccessDecision::granted) return workspace_refusal(principal, decision);
  Database::Lease connection = database_.connect();
  return WebhookStore(*connection).deliveries(workspace_id, kWebhookDeliveriesKept);
}

Result<std::string> WebhookService::send_test(const Principal &principal,
                                              std::int64_t workspace_id) {
  const AccessDecision decision = authorize(principal, Operation::change_webhook, workspace_id);
  if (decision != AccessDecision::granted) return workspace_refusal(principal, decision);
  Database::Lease connection = database_.connect();
  Transaction transaction(*connection);
  if (!WebhookStore(*connection).find(workspace_id)) return no_webhook();
  std::string event_id = queue_test_webhook_event(*connection, clock_.now(), workspace_id);
  transaction.commit();
  return event_id;
}

}  // namespace hawzu::server
