#include "util/base64url.h"

#include <sodium.h>

namespace hawzu::server {
namespace {

constexpr int kVariant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;

bool is_base64url_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_';
}

}  // namespace

std::string encode_base64url(const unsigned char *bytes, std::size_t size) {
  std::string text(sodium_base64_ENCODED_LEN(size, kVariant), '\0');
  sodium_bin2base64(text.data(), text.size(), bytes, size, kVariant);
  text.resize(text.size() - 1);  // the terminating NUL; no reallocation
  return text;
}

std::string encode_base64url(std::string_view bytes) {
  return encode_base64url(reinterpret_cast<const unsigned char *>(bytes.data()), bytes.size());
}

std::optional<std::size_t> decode_base64url(std::string_view text, unsigned char *out,
                                            std::size_t capacity) {
  for (char c : text)
    if (!is_base64url_char(c)) return std::nullopt;
  std::size_t length = 0;
  // No `ignore` characters and no end pointer: any character libsodium does not take
  // (and trailing bits that are not zero) fail the whole decoding.
  if (sodium_base642bin(out, capacity, text.data(), text.size(), nullptr, &length, nullptr,
                        kVariant) != 0)
    return std::nullopt;
  return length;
}

std::optional<std::string> decode_base64url(std::string_view text) {
  std::string bytes(text.size(), '\0');  // 4 characters carry 3 bytes: always enough
  std::optional<std::size_t> length =
      decode_base64url(text, reinterpret_cast<unsigned char *>(bytes.data()), bytes.size());
  if (!length) return std::nullopt;
  bytes.resize(*length);
  return bytes;
}

}  // namespace hawzu::server
