#include "security/webhook_signature.h"

#include "util/base64url.h"

#include <sodium.h>

#include <array>

namespace hawzu::server {

SecretString new_webhook_secret() {
  std::array<unsigned char, 32> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  std::string text;
  text.reserve(kWebhookSecretPrefix.size() + 44);
  text += kWebhookSecretPrefix;
  std::string encoded = encode_base64url(bytes.data(), bytes.size());
  text += encoded;
  sodium_memzero(encoded.data(), encoded.size());
  sodium_memzero(bytes.data(), bytes.size());
  return SecretString(std::move(text));
}

std::string webhook_signature(std::string_view body, std::string_view secret) {
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char *>(secret.data()),
                              secret.size());
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char *>(body.data()),
                                body.size());
  std::array<unsigned char, crypto_auth_hmacsha256_BYTES> mac{};
  crypto_auth_hmacsha256_final(&state, mac.data());
  sodium_memzero(&state, sizeof state);
  std::array<char, crypto_auth_hmacsha256_BYTES * 2 + 1> hex{};
  sodium_bin2hex(hex.data(), hex.size(), mac.data(), mac.size());
  return "sha256=" + std::string(hex.data());
}

}  // namespace hawzu::server
