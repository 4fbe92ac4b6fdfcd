#include "security/session_id.h"

#include "util/base64url.h"

#include <sodium.h>

#include <cassert>

namespace hawzu::server {
namespace {

SessionIdHash hash_id(const unsigned char *id) {
  SessionIdHash hash{};
  crypto_generichash(hash.data(), hash.size(), id, kSessionIdBytes, nullptr, 0);
  return hash;
}

}  // namespace

NewSessionId new_session_id() {
  unsigned char id[kSessionIdBytes];
  randombytes_buf(id, sizeof id);
  std::string text = encode_base64url(id, sizeof id);
  assert(text.size() == kSessionCookieValueLength);
  NewSessionId result{SecretString(std::move(text)), hash_id(id)};
  sodium_memzero(id, sizeof id);
  return result;
}

std::optional<SessionIdHash> session_id_hash_from_cookie(std::string_view cookie_value) {
  if (cookie_value.size() != kSessionCookieValueLength) return std::nullopt;
  unsigned char id[kSessionIdBytes];
  // 43 characters carry 258 bits: the last character's low 2 bits must be zero, which
  // the decoder checks, so every id has exactly one accepted spelling.
  const std::optional<std::size_t> decoded = decode_base64url(cookie_value, id, sizeof id);
  if (decoded != kSessionIdBytes) {
    sodium_memzero(id, sizeof id);
    return std::nullopt;
  }
  SessionIdHash hash = hash_id(id);
  sodium_memzero(id, sizeof id);
  return hash;
}

}  // namespace hawzu::server
