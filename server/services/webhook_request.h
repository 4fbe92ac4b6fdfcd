// The body of PUT .../webhook (docs/api.md#webhooks): exactly {"url", "events"}. The
// URL's form is checked here (services/webhook_url.h); whether its host may be reached
// is the service's question, after authorization. Pure; thread-safe.
#pragma once

#include "shared/field_error.h"

#include <nlohmann/json_fwd.hpp>

#include <string>
#include <vector>

namespace hawzu::server {

struct WebhookSettings {
  std::string url;
  std::vector<std::string> events;  // known wire names, each once, in the order given
};

FieldErrors parse_webhook_settings(const nlohmann::json &body, WebhookSettings &settings);

}  // namespace hawzu::server
