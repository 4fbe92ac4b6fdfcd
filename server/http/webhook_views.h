// How the webhook answers look on the wire (docs/api.md#webhooks).
#pragma once

#include "store/webhook_store.h"

#include <nlohmann/json.hpp>

#include <string_view>
#include <vector>

namespace hawzu::server {

// {"url","events","created_at","updated_at"}; with `secret` when given (the PUT answer).
nlohmann::json webhook_json(const WebhookRow &webhook, std::string_view secret = {});

// {"deliveries":[{"id","event_id","event","attempt","time","status","response_status",
//  "error","duration_ms","next_attempt_at"}]}
nlohmann::json deliveries_json(const std::vector<WebhookDeliveryRow> &deliveries);

}  // namespace hawzu::server
