#include "services/webhook_request.h"

#include "services/webhook_events.h"
#include "services/webhook_url.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace hawzu::server {

FieldErrors parse_webhook_settings(const nlohmann::json &body, WebhookSettings &settings) {
  FieldErrors errors;
  if (!body.is_object()) {
    errors.push_back({"", "The request body must be a JSON object."});
    return errors;
  }
  for (auto it = body.begin(); it != body.end(); ++it)
    if (it.key() != "url" && it.key() != "events") errors.push_back({it.key(), "Unknown field."});

  settings = WebhookSettings{};
  if (auto url = body.find("url"); url == body.end() || !url->is_string()) {
    errors.push_back({"url", "Required: the http:// or https:// URL the events are sent to."});
  } else {
    std::string why;
    if (parse_webhook_url(url->get<std::string>(), why))
      settings.url = url->get<std::string>();
    else
      errors.push_back({"url", why});
  }

  const std::string known = must_be_one_of(all_webhook_events(), &wire_name);
  auto events = body.find("events");
  if (events == body.end() || !events->is_array() || events->empty()) {
    errors.push_back({"events", "Required: a non-empty list of events. " + known});
    return errors;
  }
  for (std::size_t i = 0; i < events->size(); ++i) {
    const nlohmann::json &event = (*events)[i];
    // One field for the list, so a form shows every problem next to it.
    if (!event.is_string() || !parse_webhook_event(event.get<std::string>())) {
      errors.push_back({"events", "Item " + std::to_string(i) + " is not an event. " + known});
      continue;
    }
    const std::string name = event.get<std::string>();
    if (std::find(settings.events.begin(), settings.events.end(), name) != settings.events.end()) {
      errors.push_back({"events", "Names " + name + " more than once."});
      continue;
    }
    settings.events.push_back(name);
  }
  return errors;
}

}  // namespace hawzu::server
