#include "security/sign_in_throttle.h"

#include <arpa/inet.h>

#include <algorithm>
#include <cassert>

namespace hawzu::server {
namespace {

// Seconds until the oldest of `failures` (at `oldest`) leaves the window, when they
// reach `limit`; else 0.
std::int64_t locked_for(int failures, std::int64_t oldest, int limit, std::int64_t now,
                        std::int64_t window) {
  if (failures < limit) return 0;
  const std::int64_t free_at = oldest + window;
  return free_at > now ? free_at - now : 0;
}

}  // namespace

ThrottleVerdict decide_sign_in(const AttemptCounts &counts, std::int64_t now,
                               const ThrottlePolicy &policy) {
  assert(counts.pair_failures == 0 || counts.pair_oldest > now - policy.window_seconds);
  assert(counts.address_failures == 0 || counts.address_oldest > now - policy.window_seconds);
  ThrottleVerdict verdict;
  verdict.wait_seconds = std::max(
      locked_for(counts.pair_failures, counts.pair_oldest, policy.max_failures_per_pair, now,
                 policy.window_seconds),
      locked_for(counts.address_failures, counts.address_oldest, policy.max_failures_per_address,
                 now, policy.window_seconds));
  if (verdict.wait_seconds > 0) return verdict;
  const int beyond = counts.account_failures - policy.slow_after_account_failures;
  if (beyond >= 0) {
    std::int64_t delay = policy.base_delay_ms;
    for (int i = 0; i < beyond && delay < policy.max_delay_ms; ++i) delay *= 2;
    verdict.delay_ms = std::min(delay, policy.max_delay_ms);
  }
  return verdict;
}

std::string throttle_account_key(std::string_view email) {
  std::string key(email);
  for (char &c : key)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return key;
}

std::string throttle_address_key(std::string_view address) {
  std::string text(address);
  if (text.find(':') == std::string::npos) return text;
  unsigned char bytes[16];
  if (inet_pton(AF_INET6, text.c_str(), bytes) != 1) return text;
  static const unsigned char kMappedPrefix[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
  char out[INET6_ADDRSTRLEN];
  if (std::equal(kMappedPrefix, kMappedPrefix + 12, bytes)) {
    inet_ntop(AF_INET, bytes + 12, out, sizeof out);
    return out;
  }
  std::fill(bytes + 8, bytes + 16, 0);
  inet_ntop(AF_INET6, bytes, out, sizeof out);
  return std::string(out) + "/64";
}

}  // namespace hawzu::server
