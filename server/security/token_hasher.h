// The keyed hash under which access tokens are stored and looked up (SECURITY.md):
// BLAKE2b-256 (crypto_generichash) keyed with a 32-byte server secret that lives in
// the data directory, never in the database. A stolen database alone cannot test
// guesses. Immutable after construction; thread-safe.
#pragma once

#include "security/secret_string.h"

#include <sodium.h>

#include <array>
#include <string>
#include <string_view>

namespace hawzu::server {

inline constexpr std::size_t kTokenHashKeyBytes = crypto_generichash_KEYBYTES;  // 32
inline constexpr std::size_t kTokenHashBytes = 32;

using TokenHash = std::array<unsigned char, kTokenHashBytes>;

class TokenHasher {
 public:
  // REQUIRES: key.size() == kTokenHashKeyBytes. The key is copied into locked memory.
  explicit TokenHasher(std::string_view key);
  ~TokenHasher();
  TokenHasher(const TokenHasher &) = delete;
  TokenHasher &operator=(const TokenHasher &) = delete;

  TokenHash hash(std::string_view token) const;

 private:
  unsigned char *key_;  // sodium_malloc'd: guarded pages, wiped on free
};

// The key file in the data directory.
inline constexpr const char *kTokenHashKeyFileName = "token-hash.key";

struct LoadedKey {
  SecretString key;  // kTokenHashKeyBytes raw bytes when ok
  bool created = false;
  std::string error;  // non-empty: the server must not start
};

// Reads the key file at `path` (DATA/token-hash.key, or --token-key-file), or creates it
// (crypto_generichash_keygen, mode 0600) when `may_create`. A key file of the wrong size
// is an error, never silently replaced: a new key would make every existing token
// unusable.
LoadedKey load_or_create_token_hash_key(const std::string &path, bool may_create);

// A keyed check value of the key (a hash of a fixed text under it), stored in the
// database so that a server given another key refuses to start. It reveals nothing
// about the key.
std::string token_key_check_value(const TokenHasher &hasher);

}  // namespace hawzu::server
