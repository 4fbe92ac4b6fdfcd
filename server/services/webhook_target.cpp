#include "services/webhook_target.h"

#include "util/private_address.h"

#include <arpa/inet.h>
#include <netdb.h>
#include <sys/socket.h>

#include <optional>

namespace hawzu::server {
namespace {

// Every address `host` resolves to (one for an address literal), or why not.
std::vector<std::string> resolve_host(const std::string &host, std::string &error) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo *found = nullptr;
  const int status = getaddrinfo(host.c_str(), nullptr, &hints, &found);
  std::vector<std::string> addresses;
  if (status != 0) {
    error = "The host " + host + " cannot be resolved (" + gai_strerror(status) + ").";
    return addresses;
  }
  for (addrinfo *entry = found; entry; entry = entry->ai_next) {
    char text[INET6_ADDRSTRLEN] = {};
    const void *raw =
        entry->ai_family == AF_INET
            ? static_cast<const void *>(&reinterpret_cast<sockaddr_in *>(entry->ai_addr)->sin_addr)
            : static_cast<const void *>(
                  &reinterpret_cast<sockaddr_in6 *>(entry->ai_addr)->sin6_addr);
    if ((entry->ai_family == AF_INET || entry->ai_family == AF_INET6) &&
        inet_ntop(entry->ai_family, raw, text, sizeof text))
      addresses.emplace_back(text);
  }
  freeaddrinfo(found);
  if (addresses.empty()) error = "The host " + host + " has no IP address.";
  return addresses;
}

}  // namespace

std::string refused_addresses(const std::string &host, const std::vector<std::string> &addresses) {
  for (const std::string &address : addresses)
    if (std::optional<std::string> reason = non_public_address_reason(address)) {
      const std::string which = host == address ? host : host + " (" + address + ")";
      return which + " is " + *reason +
             "; webhooks may only reach public addresses (the server was not started with "
             "--allow-private-webhooks).";
    }
  return {};
}

WebhookTarget resolve_webhook_target(const WebhookUrl &url, bool allow_private) {
  WebhookTarget target;
  std::vector<std::string> addresses = resolve_host(url.host, target.refusal);
  if (addresses.empty()) return target;
  if (!allow_private) {
    target.refusal = refused_addresses(url.host, addresses);
    if (!target.refusal.empty()) return target;
  }
  target.address = addresses.front();
  return target;
}

}  // namespace hawzu::server
