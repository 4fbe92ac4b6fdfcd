#include "security/sign_in_throttle.h"

#include <arpa/inet.h>

#include <algorithm>
#include <cstdio>

namespace hawzu::server {
namespace {

std::string account_key(std::string_view account) {
  std::string key(account);
  for (char &c : key)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return key;
}

}  // namespace

std::string SignInThrottle::address_key(std::string_view address) {
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

std::size_t SignInThrottle::tracked_accounts() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return by_account_.size();
}

std::size_t SignInThrottle::tracked_addresses() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return by_address_.size();
}

std::int64_t SignInThrottle::wait_seconds(const Failures *failures, int limit,
                                          std::int64_t now) const {
  if (!failures || static_cast<int>(failures->size()) < limit) return 0;
  // The deque holds the latest `limit` failures: blocked until the oldest expires.
  std::int64_t free_at = failures->front() + policy_.window_seconds;
  return free_at > now ? free_at - now : 0;
}

void SignInThrottle::record(std::unordered_map<std::string, Failures> &map, const std::string &key,
                            int limit, std::int64_t now) {
  if (map.size() >= policy_.max_tracked_keys && map.find(key) == map.end()) trim(map, now);
  Failures &failures = map[key];
  failures.push_back(now);
  while (static_cast<int>(failures.size()) > limit) failures.pop_front();
}

void SignInThrottle::trim(std::unordered_map<std::string, Failures> &map, std::int64_t now) {
  for (auto it = map.begin(); it != map.end();) {
    if (it->second.empty() || it->second.back() + policy_.window_seconds <= now)
      it = map.erase(it);
    else
      ++it;
  }
  // Still full of live entries: make room for a tenth. Losing some counts is better
  // than growing without bound under a distributed attack.
  std::size_t to_drop = map.size() >= policy_.max_tracked_keys ? map.size() / 10 + 1 : 0;
  for (auto it = map.begin(); it != map.end() && to_drop > 0; --to_drop) it = map.erase(it);
}

std::int64_t SignInThrottle::begin_attempt(std::string_view account, std::string_view address,
                                           std::int64_t now) {
  const std::string account_id = account_key(account);
  const std::string address_id = address_key(address);
  std::lock_guard<std::mutex> lock(mutex_);
  auto account_it = by_account_.find(account_id);
  auto address_it = by_address_.find(address_id);
  std::int64_t wait =
      std::max(wait_seconds(account_it == by_account_.end() ? nullptr : &account_it->second,
                            policy_.max_failures_per_account, now),
               wait_seconds(address_it == by_address_.end() ? nullptr : &address_it->second,
                            policy_.max_failures_per_address, now));
  if (wait > 0) return wait;
  record(by_account_, account_id, policy_.max_failures_per_account, now);
  record(by_address_, address_id, policy_.max_failures_per_address, now);
  return 0;
}

void SignInThrottle::forgive(std::string_view account, std::string_view address,
                             std::int64_t started_at) {
  const std::string address_id = address_key(address);
  std::lock_guard<std::mutex> lock(mutex_);
  by_account_.erase(account_key(account));
  auto it = by_address_.find(address_id);
  if (it == by_address_.end()) return;
  Failures &failures = it->second;
  auto match = std::find(failures.rbegin(), failures.rend(), started_at);
  if (match != failures.rend()) failures.erase(std::next(match).base());
  if (failures.empty()) by_address_.erase(it);
}

}  // namespace hawzu::server
