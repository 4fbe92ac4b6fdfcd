#include "auth/verified_token_cache.h"

#include <sodium.h>

#include <algorithm>
#include <cstring>
#include <string>

namespace hawzu::server {
namespace {

// The keyed hash is uniformly distributed: its first bytes make a good bucket key, and
// the next one picks the shard.
std::uint64_t bucket_key(const TokenHash &secret_hash) {
  std::uint64_t key = 0;
  std::memcpy(&key, secret_hash.data(), sizeof key);
  return key;
}

bool same_hash(const TokenHash &a, const TokenHash &b) {
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

void wipe_text(std::string &text) {
  if (!text.empty()) sodium_memzero(&text[0], text.size());
  text.clear();
}

}  // namespace

void CachedVerdict::wipe() {
  sodium_memzero(secret_hash.data(), secret_hash.size());
  wipe_text(principal.identifier);
  if (principal.workspace_name) wipe_text(*principal.workspace_name);
  principal.project_roles.clear();
  authority_generation = 0;
  confirmed_at.reset();
}

VerifiedTokenCache::VerifiedTokenCache(std::size_t capacity,
                                       std::function<void(const CachedVerdict &)> on_evicted)
    : per_shard_capacity_(std::max<std::size_t>(1, (capacity + kShards - 1) / kShards)),
      on_evicted_(std::move(on_evicted)) {}

VerifiedTokenCache::~VerifiedTokenCache() {
  for (Shard &shard : shards_)
    for (auto &entry : shard.entries) entry.second.wipe();
}

VerifiedTokenCache::Shard &VerifiedTokenCache::shard_for(const TokenHash &secret_hash) const {
  return shards_[secret_hash[sizeof(std::uint64_t)] % kShards];
}

std::optional<CachedVerdict> VerifiedTokenCache::find(const TokenHash &secret_hash) const {
  Shard &shard = shard_for(secret_hash);
  std::shared_lock<std::shared_mutex> lock(shard.mutex);
  auto found = shard.entries.find(bucket_key(secret_hash));
  if (found == shard.entries.end() || !same_hash(found->second.secret_hash, secret_hash))
    return std::nullopt;
  return found->second;
}

void VerifiedTokenCache::store(CachedVerdict verdict) {
  Shard &shard = shard_for(verdict.secret_hash);
  const std::uint64_t key = bucket_key(verdict.secret_hash);
  std::lock_guard<std::shared_mutex> lock(shard.mutex);
  auto found = shard.entries.find(key);
  if (found != shard.entries.end()) {
    found->second.wipe();
    found->second = std::move(verdict);
    return;
  }
  if (shard.entries.size() >= per_shard_capacity_) {
    // Any entry will do: a busy token evicted by a burst of others is verified in full
    // once and comes back.
    auto victim = shard.entries.begin();
    victim->second.wipe();
    if (on_evicted_) on_evicted_(victim->second);
    shard.entries.erase(victim);
  }
  shard.entries.emplace(key, std::move(verdict));
}

void VerifiedTokenCache::confirm(const TokenHash &secret_hash, std::int64_t authority_generation,
                                 const ChangeStamp &stamp) {
  Shard &shard = shard_for(secret_hash);
  std::lock_guard<std::shared_mutex> lock(shard.mutex);
  auto found = shard.entries.find(bucket_key(secret_hash));
  if (found != shard.entries.end() && same_hash(found->second.secret_hash, secret_hash) &&
      found->second.authority_generation == authority_generation)
    found->second.confirmed_at = stamp;
}

void VerifiedTokenCache::forget(const TokenHash &secret_hash) {
  Shard &shard = shard_for(secret_hash);
  std::lock_guard<std::shared_mutex> lock(shard.mutex);
  auto found = shard.entries.find(bucket_key(secret_hash));
  if (found == shard.entries.end() || !same_hash(found->second.secret_hash, secret_hash)) return;
  found->second.wipe();
  shard.entries.erase(found);
}

void VerifiedTokenCache::set_last_used(const TokenHash &secret_hash, std::int64_t when) {
  Shard &shard = shard_for(secret_hash);
  std::lock_guard<std::shared_mutex> lock(shard.mutex);
  auto found = shard.entries.find(bucket_key(secret_hash));
  if (found != shard.entries.end() && same_hash(found->second.secret_hash, secret_hash))
    found->second.last_used_at = when;
}

std::size_t VerifiedTokenCache::size() const {
  std::size_t total = 0;
  for (Shard &shard : shards_) {
    std::shared_lock<std::shared_mutex> lock(shard.mutex);
    total += shard.entries.size();
  }
  return total;
}

}  // namespace hawzu::server
