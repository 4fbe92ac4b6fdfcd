// IP networks given on the command line (--trust-proxy CIDR,...), and whether an
// address lies in one of them. IPv4 is handled as IPv4-mapped IPv6.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hawzu::server {

// One network: an IPv4 or IPv6 prefix.
struct TrustedNetwork {
  std::array<unsigned char, 16> bytes{};  // IPv4 as IPv4-mapped IPv6
  int prefix_bits = 0;                    // of the 128
};

// Parses "10.0.0.0/8", "127.0.0.1", "::1", "fd00::/8". nullopt when malformed.
std::optional<TrustedNetwork> parse_trusted_network(std::string_view text);

// Whether `address` (a textual IPv4 or IPv6 address) lies in one of `networks`.
bool is_trusted_address(std::string_view address, const std::vector<TrustedNetwork> &networks);

// Whether `text` is a textual IPv4 or IPv6 address.
bool is_ip_address(std::string_view text);

// Whether the first `prefix_bits` bits of `address` equal those of `prefix` (both at
// least that long, in network byte order).
bool prefix_matches(const unsigned char *address, const unsigned char *prefix, int prefix_bits);

}  // namespace hawzu::server
