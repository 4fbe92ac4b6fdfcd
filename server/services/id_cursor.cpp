#include "services/id_cursor.h"

#include <sodium.h>

#include <vector>

namespace hawzu::server {
namespace {

// "id:" and up to 18 digits (path and list ids stay below 10^18).
constexpr std::string_view kPrefix = "id:";
constexpr std::size_t kMaxDigits = 18;
constexpr std::size_t kMaxIdCursorLength = 32;

}  // namespace

std::string encode_id_cursor(std::int64_t after_id) {
  const std::string text = std::string(kPrefix) + std::to_string(after_id);
  const int variant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
  std::string encoded(sodium_base64_encoded_len(text.size(), variant), '\0');
  sodium_bin2base64(encoded.data(), encoded.size(),
                    reinterpret_cast<const unsigned char *>(text.data()), text.size(), variant);
  encoded.resize(std::char_traits<char>::length(encoded.c_str()));
  return encoded;
}

std::optional<std::int64_t> decode_id_cursor(std::string_view text) {
  if (text.empty() || text.size() > kMaxIdCursorLength) return std::nullopt;
  std::vector<unsigned char> bytes(text.size());
  std::size_t length = 0;
  const char *end = nullptr;
  if (sodium_base642bin(bytes.data(), bytes.size(), text.data(), text.size(), nullptr, &length,
                        &end, sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
      end != text.data() + text.size())
    return std::nullopt;
  const std::string_view decoded(reinterpret_cast<const char *>(bytes.data()), length);
  if (decoded.substr(0, kPrefix.size()) != kPrefix) return std::nullopt;
  const std::string_view digits = decoded.substr(kPrefix.size());
  if (digits.empty() || digits.size() > kMaxDigits || digits[0] == '0') return std::nullopt;
  std::int64_t id = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return std::nullopt;
    id = id * 10 + (c - '0');
  }
  return id;
}

}  // namespace hawzu::server
