#include "util/networks.h"

#include <arpa/inet.h>

#include <algorithm>
#include <cstdlib>

namespace hawzu::server {
namespace {

// The address as 16 bytes (IPv4 mapped into IPv6), or nullopt.
std::optional<std::array<unsigned char, 16>> network_address_bytes(std::string_view text) {
  std::string copy(text);
  std::array<unsigned char, 16> bytes{};
  if (copy.find(':') == std::string::npos) {
    unsigned char v4[4];
    if (inet_pton(AF_INET, copy.c_str(), v4) != 1) return std::nullopt;
    bytes[10] = bytes[11] = 0xff;
    std::copy(v4, v4 + 4, bytes.begin() + 12);
    return bytes;
  }
  if (inet_pton(AF_INET6, copy.c_str(), bytes.data()) != 1) return std::nullopt;
  return bytes;
}

bool network_contains(const std::array<unsigned char, 16> &address, const TrustedNetwork &network) {
  return prefix_matches(address.data(), network.bytes.data(), network.prefix_bits);
}

}  // namespace

bool prefix_matches(const unsigned char *address, const unsigned char *prefix, int prefix_bits) {
  for (std::size_t i = 0; prefix_bits > 0; ++i, prefix_bits -= 8) {
    const unsigned char mask =
        prefix_bits >= 8 ? 0xff : static_cast<unsigned char>(0xff << (8 - prefix_bits));
    if ((address[i] & mask) != (prefix[i] & mask)) return false;
  }
  return true;
}

std::optional<TrustedNetwork> parse_trusted_network(std::string_view text) {
  std::string_view address = text;
  std::optional<int> prefix;
  if (auto slash = text.find('/'); slash != std::string_view::npos) {
    address = text.substr(0, slash);
    std::string digits(text.substr(slash + 1));
    if (digits.empty() || digits.size() > 3 ||
        digits.find_first_not_of("0123456789") != std::string::npos)
      return std::nullopt;
    prefix = std::atoi(digits.c_str());
  }
  std::optional<std::array<unsigned char, 16>> bytes = network_address_bytes(address);
  if (!bytes) return std::nullopt;
  const bool is_v4 = address.find(':') == std::string_view::npos;
  const int max_bits = is_v4 ? 32 : 128;
  if (prefix && *prefix > max_bits) return std::nullopt;
  TrustedNetwork network;
  network.bytes = *bytes;
  network.prefix_bits = (is_v4 ? 96 : 0) + prefix.value_or(max_bits);
  return network;
}

bool is_ip_address(std::string_view text) {
  return network_address_bytes(text).has_value();
}

bool is_trusted_address(std::string_view address, const std::vector<TrustedNetwork> &networks) {
  std::optional<std::array<unsigned char, 16>> bytes = network_address_bytes(address);
  if (!bytes) return false;
  for (const TrustedNetwork &network : networks)
    if (network_contains(*bytes, network)) return true;
  return false;
}

}  // namespace hawzu::server
