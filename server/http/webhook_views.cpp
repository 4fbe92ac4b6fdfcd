#include "http/webhook_views.h"

#include "shared/calendar.h"

#include <string>

namespace hawzu::server {

nlohmann::json webhook_json(const WebhookRow &webhook, std::string_view secret) {
  nlohmann::json json = {{"url", webhook.url},
                         {"events", webhook.events},
                         {"created_at", format_rfc3339_utc(webhook.created_at)},
                         {"updated_at", format_rfc3339_utc(webhook.updated_at)}};
  if (!secret.empty()) json["secret"] = std::string(secret);
  return json;
}

nlohmann::json deliveries_json(const std::vector<WebhookDeliveryRow> &deliveries) {
  nlohmann::json list = nlohmann::json::array();
  for (const WebhookDeliveryRow &row : deliveries) {
    const WebhookAttemptRow &attempt = row.attempt;
    const bool delivered =
        attempt.status_code && *attempt.status_code >= 200 && *attempt.status_code < 300;
    list.push_back(
        {{"id", row.id},
         {"event_id", row.event_id},
         {"event", row.event},
         {"attempt", attempt.attempt},
         {"time", format_rfc3339_utc(attempt.time)},
         {"status", delivered ? "delivered" : "failed"},
         {"response_status",
          attempt.status_code ? nlohmann::json(*attempt.status_code) : nlohmann::json(nullptr)},
         {"error", attempt.error ? nlohmann::json(*attempt.error) : nlohmann::json(nullptr)},
         {"duration_ms", attempt.duration_ms},
         {"next_attempt_at", attempt.next_attempt_at
                                 ? nlohmann::json(format_rfc3339_utc(*attempt.next_attempt_at))
                                 : nlohmann::json(nullptr)}});
  }
  return {{"deliveries", std::move(list)}};
}

}  // namespace hawzu::server
