#include "util/private_address.h"

#include "util/networks.h"

#include <arpa/inet.h>

#include <array>

namespace hawzu::server {
namespace {

using V4 = std::array<unsigned char, 4>;
using V6 = std::array<unsigned char, 16>;

struct Block {
  unsigned char first[4];
  int prefix_bits;
  const char *reason;
};

// IANA's special-purpose IPv4 blocks that are not globally reachable.
constexpr Block kIpv4Blocks[] = {
    {{0, 0, 0, 0}, 8, "an unspecified (\"this network\") address"},
    {{10, 0, 0, 0}, 8, "a private address"},
    {{100, 64, 0, 0}, 10, "a shared (carrier-grade NAT) address"},
    {{127, 0, 0, 0}, 8, "a loopback address"},
    {{169, 254, 0, 0}, 16, "a link-local address"},
    {{172, 16, 0, 0}, 12, "a private address"},
    {{192, 0, 0, 0}, 24, "a reserved (IETF protocol) address"},
    {{192, 0, 2, 0}, 24, "a documentation address"},
    {{192, 168, 0, 0}, 16, "a private address"},
    {{198, 18, 0, 0}, 15, "a benchmarking address"},
    {{198, 51, 100, 0}, 24, "a documentation address"},
    {{203, 0, 113, 0}, 24, "a documentation address"},
    {{224, 0, 0, 0}, 4, "a multicast address"},
    {{240, 0, 0, 0}, 4, "a reserved address"},
};

std::optional<std::string> ipv4_reason(const V4 &address) {
  for (const Block &block : kIpv4Blocks)
    if (prefix_matches(address.data(), block.first, block.prefix_bits)) return block.reason;
  return std::nullopt;
}

bool starts_with(const V6 &address, std::initializer_list<unsigned char> prefix) {
  std::size_t i = 0;
  for (unsigned char byte : prefix)
    if (address[i++] != byte) return false;
  return true;
}

V4 last_four(const V6 &address) {
  return {address[12], address[13], address[14], address[15]};
}

std::optional<std::string> ipv6_reason(const V6 &address) {
  static const V6 kZero{};
  V6 loopback{};
  loopback[15] = 1;
  if (address == kZero) return "an unspecified address";
  if (address == loopback) return "a loopback address";
  // ::ffff:a.b.c.d (mapped) and ::a.b.c.d (the deprecated compatible form).
  if (starts_with(address, {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff}) ||
      starts_with(address, {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}))
    return ipv4_reason(last_four(address));
  // 64:ff9b::a.b.c.d (NAT64) reaches the IPv4 address it carries.
  if (starts_with(address, {0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0}))
    return ipv4_reason(last_four(address));
  // 2002:a.b.c.d::/48 (6to4) likewise.
  if (starts_with(address, {0x20, 0x02}))
    return ipv4_reason({address[2], address[3], address[4], address[5]});
  if (address[0] == 0xff) return "a multicast address";
  if (address[0] == 0xfe && (address[1] & 0xc0) == 0x80) return "a link-local address";
  if (address[0] == 0xfe && (address[1] & 0xc0) == 0xc0) return "a site-local address";
  if ((address[0] & 0xfe) == 0xfc) return "a unique-local address";
  if (starts_with(address, {0x20, 0x01, 0x0d, 0xb8})) return "a documentation address";
  if (starts_with(address, {0x01, 0, 0, 0, 0, 0, 0, 0})) return "a discard-only address";
  return std::nullopt;
}

}  // namespace

std::optional<std::string> non_public_address_reason(std::string_view address) {
  const std::string text(address);
  V4 v4{};
  if (inet_pton(AF_INET, text.c_str(), v4.data()) == 1) return ipv4_reason(v4);
  V6 v6{};
  if (inet_pton(AF_INET6, text.c_str(), v6.data()) == 1) return ipv6_reason(v6);
  return "not an IP address";
}

}  // namespace hawzu::server
