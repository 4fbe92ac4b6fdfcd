// The webhook target rule (docs/security.md#webhooks): a webhook may only reach public
// addresses, so a workspace Owner cannot make the server call into its own network
// (loopback, private ranges, link-local, unique-local, unspecified, multicast and the
// other reserved blocks). IPv4-mapped, IPv4-compatible, NAT64 and 6to4 IPv6 addresses
// are judged by the IPv4 address they carry. The same rule is applied when a webhook is
// saved and to each address a delivery connects to (DNS can change in between).
// Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace hawzu::server {

// Why `address` (a textual IPv4 or IPv6 address) is not a public address, e.g.
// "a loopback address"; nullopt when it is public. Text that is not an address is
// refused too ("not an IP address").
std::optional<std::string> non_public_address_reason(std::string_view address);

}  // namespace hawzu::server
