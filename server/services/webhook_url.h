// A webhook's URL as the API accepts it (docs/api.md#webhooks): absolute http:// or
// https://, at most kMaxWebhookUrlLength characters of printable ASCII, a host (a name,
// an IPv4 address or a bracketed IPv6 address), an optional port, no user name or
// password (they would be sent to whoever answers) and no fragment. Whether the host
// is an allowed target is webhook_target.h's question. Pure; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace hawzu::server {

inline constexpr std::size_t kMaxWebhookUrlLength = 2048;

struct WebhookUrl {
  bool https = false;
  std::string host;    // an IPv6 address without its brackets
  int port = 0;        // 80 or 443 when the URL names none
  std::string target;  // path and query, "/" at least
};

// The parts of `text`, or nullopt with `why` set to a sentence for the field error.
std::optional<WebhookUrl> parse_webhook_url(std::string_view text, std::string &why);

}  // namespace hawzu::server
