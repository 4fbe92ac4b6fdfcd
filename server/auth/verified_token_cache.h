// The verdicts of Bearer tokens this process verified in full, so that a busy token
// costs a comparison per request, or one small read after a change, instead of the full
// lookup (token, grants, owner's role, workspace name).
//
// The invalidation rule, the one this cache and every caller rely on:
//   A cached verdict is used only when it is known to be current during this request,
//   in one of two ways. (1) The database's change stamp (db/change_stamp.h), read at
//   the start of this request, equals the stamp read before the verdict was last
//   confirmed: then nothing that moves a token's authority has committed since, on any
//   server sharing the database. (2) Otherwise, the token's authority generation, read
//   from the database during this request, equals the generation that was read in the
//   same statement (one snapshot) as the verdict itself; the verdict is then confirmed
//   at this request's stamp. Every change that can alter what a token may do moves its
//   generation on, by triggers, in the transaction of the change (migrations 9 on
//   SQLite, 6 on PostgreSQL: the token's state, role, expiry, owner, value or previous
//   value; its grants; its owner's membership of its workspace; the workspace's name),
//   and so moves the stamp. So once a change has committed, the next request, on any
//   server, misses and verifies in full. What changes without a write, the time, is
//   checked at every hit: the expiry, and the end of a rotation's previous value.
//
// Entries are keyed by the keyed hash of the token (never the token), found by its
// first bytes and confirmed by comparing all of it. 16 shards, each with its own
// reader-writer lock (a busy token's requests only read, so they never wait for each
// other) and a bound on its entries; a full shard evicts an entry to take a new one. An
// entry's hash and texts are wiped (sodium_memzero) whenever it leaves the cache:
// evicted, replaced, forgotten or destroyed with the cache. Thread-safe.
#pragma once

#include "auth/principal.h"
#include "db/change_stamp.h"
#include "security/token_hasher.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <unordered_map>

namespace hawzu::server {

struct CachedVerdict {
  TokenHash secret_hash{};
  std::int64_t authority_generation = 0;
  // The change stamp read before the verdict was last confirmed; none: not confirmed
  // by a stamp (the next use reads the generation).
  std::optional<ChangeStamp> confirmed_at;
  // The hash is the previous value of a rotation's overlap, valid until
  // previous_value_expires_at (inclusive).
  bool by_previous_value = false;
  std::optional<std::int64_t> previous_value_expires_at;
  std::optional<std::int64_t> expires_at;  // the token's expiry (inclusive)
  // The token's last_used_at as this process last read or wrote it.
  std::optional<std::int64_t> last_used_at;
  TokenPrincipal principal;

  // Zeroes the hash and the texts (their characters, then their lengths).
  void wipe();
};

class VerifiedTokenCache {
 public:
  static constexpr std::size_t kShards = 16;

  // At most `capacity` verdicts (rounded up to a multiple of kShards). `on_evicted`,
  // when set, sees each evicted verdict after it was wiped (for tests).
  explicit VerifiedTokenCache(std::size_t capacity = 16384,
                              std::function<void(const CachedVerdict &)> on_evicted = {});
  ~VerifiedTokenCache();
  VerifiedTokenCache(const VerifiedTokenCache &) = delete;
  VerifiedTokenCache &operator=(const VerifiedTokenCache &) = delete;

  // A copy of the verdict for this hash, if one is held. The caller re-validates it
  // (the rule above) before using it.
  std::optional<CachedVerdict> find(const TokenHash &secret_hash) const;

  // Holds `verdict`, replacing one for the same hash.
  void store(CachedVerdict verdict);

  // Records that the verdict for this hash, when it is still the one of
  // `authority_generation`, was found current after `stamp` was read (rule (2) above).
  // A verdict of another generation (stored meanwhile by a slower or later
  // verification) keeps its own stamp.
  void confirm(const TokenHash &secret_hash, std::int64_t authority_generation,
               const ChangeStamp &stamp);

  // Drops the verdict for this hash (a re-validation failed).
  void forget(const TokenHash &secret_hash);

  // Records that last_used_at was (or is being) set to `when` for this hash's verdict.
  void set_last_used(const TokenHash &secret_hash, std::int64_t when);

  std::size_t size() const;

 private:
  struct Shard {
    mutable std::shared_mutex mutex;
    std::unordered_map<std::uint64_t, CachedVerdict> entries;
  };

  Shard &shard_for(const TokenHash &secret_hash) const;

  const std::size_t per_shard_capacity_;
  const std::function<void(const CachedVerdict &)> on_evicted_;
  mutable std::array<Shard, kShards> shards_;
};

}  // namespace hawzu::server
