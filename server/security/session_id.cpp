#include "security/session_id.h"

#include <sodium.h>

namespace hawzu::server {
namespace {

SessionIdHash hash_id(const unsigned char *id) {
  SessionIdHash hash{};
  crypto_generichash(hash.data(), hash.size(), id, kSessionIdBytes, nullptr, 0);
  return hash;
}

bool is_base64url_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_';
}

}  // namespace

NewSessionId new_session_id() {
  unsigned char id[kSessionIdBytes];
  randombytes_buf(id, sizeof id);
  std::string text(
      sodium_base64_ENCODED_LEN(kSessionIdBytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(text.data(), text.size(), id, sizeof id,
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  text.resize(kSessionCookieValueLength);  // drop the terminating NUL; no reallocation
  NewSessionId result{SecretString(std::move(text)), hash_id(id)};
  sodium_memzero(id, sizeof id);
  return result;
}

std::optional<SessionIdHash> session_id_hash_from_cookie(std::string_view cookie_value) {
  if (cookie_value.size() != kSessionCookieValueLength) return std::nullopt;
  for (char c : cookie_value)
    if (!is_base64url_char(c)) return std::nullopt;
  unsigned char id[kSessionIdBytes];
  std::size_t decoded = 0;
  // 43 characters carry 258 bits: the last character's low 2 bits must be zero, which
  // libsodium checks, so every id has exactly one accepted spelling.
  if (sodium_base642bin(id, sizeof id, cookie_value.data(), cookie_value.size(), nullptr, &decoded,
                        nullptr, sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
      decoded != kSessionIdBytes)
    return std::nullopt;
  SessionIdHash hash = hash_id(id);
  sodium_memzero(id, sizeof id);
  return hash;
}

}  // namespace hawzu::server
