// The signature of a webhook delivery (docs/api.md#webhooks): the X-Hawzu-Signature
// header "sha256=" + the lower-case hex HMAC-SHA256 of the exact body bytes, keyed with
// the signing secret exactly as shown when the webhook was saved ("whsec_..."), so a
// receiver can check it with any HMAC library. Also makes those secrets. Thread-safe.
#pragma once

#include "security/secret_string.h"

#include <string>
#include <string_view>

namespace hawzu::server {

inline constexpr std::string_view kWebhookSecretPrefix = "whsec_";

// "whsec_" + 32 random bytes in base64url (43 characters).
SecretString new_webhook_secret();

std::string webhook_signature(std::string_view body, std::string_view secret);

}  // namespace hawzu::server
