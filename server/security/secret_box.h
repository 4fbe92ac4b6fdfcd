// Secrets the server must read back, stored sealed (docs/security.md#webhooks): a
// webhook's signing secret is needed in clear to sign each delivery, so it cannot be
// hashed like a token. It is sealed with libsodium's secretbox (XSalsa20-Poly1305)
// under a key derived (crypto_kdf) from the token-hashing key, which never enters the
// database: a stolen database alone does not reveal the secrets. The stored form is
// nonce followed by ciphertext. Immutable after construction; thread-safe.
#pragma once

#include "security/secret_string.h"

#include <optional>
#include <string_view>
#include <vector>

namespace hawzu::server {

class SecretBox {
 public:
  // REQUIRES: server_key is the 32-byte token-hashing key. The derived key is kept in
  // locked memory.
  explicit SecretBox(std::string_view server_key);
  ~SecretBox();
  SecretBox(const SecretBox &) = delete;
  SecretBox &operator=(const SecretBox &) = delete;

  std::vector<unsigned char> seal(std::string_view secret) const;
  // Nullopt when `sealed` was not sealed under this key (or was altered).
  std::optional<SecretString> open(const std::vector<unsigned char> &sealed) const;

 private:
  unsigned char *key_;  // sodium_malloc'd: guarded pages, wiped on free
};

}  // namespace hawzu::server
