// Where a webhook delivery may connect (docs/security.md#webhooks): the URL's host is
// resolved and every address it resolves to must be public (util/private_address.h),
// unless the server runs with --allow-private-webhooks. Checked when the webhook is
// saved and again before each delivery, which then connects to the very address that
// was checked, so a name that changes its answer (DNS rebinding) cannot slip through.
// Blocks while resolving: never call on a request thread except to save a webhook.
// Thread-safe.
#pragma once

#include "services/webhook_url.h"

#include <string>
#include <vector>

namespace hawzu::server {

struct WebhookTarget {
  std::string address;  // the checked address to connect to; empty when refused
  std::string refusal;  // why not, a sentence for the field error or the attempt's error
};

// The first address that `addresses` holds that is not public, with its reason, as
// a refusal sentence; empty when every one is public. REQUIRES: non-empty.
std::string refused_addresses(const std::string &host, const std::vector<std::string> &addresses);

WebhookTarget resolve_webhook_target(const WebhookUrl &url, bool allow_private);

}  // namespace hawzu::server
