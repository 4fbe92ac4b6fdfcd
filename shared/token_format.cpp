// The access-token text format (docs/product.md#tokens): building, checking and splitting tokens.
#include "shared/token_format.h"

#include <algorithm>
#include <array>
#include <cassert>

namespace hawzu {

namespace {

// The reflected IEEE 802.3 polynomial, as used by zlib, PNG and Ethernet.
constexpr std::uint32_t kCrc32Polynomial = 0xEDB88320u;

constexpr std::array<std::uint32_t, 256> make_crc32_table() {
  std::array<std::uint32_t, 256> table{};
  for (std::uint32_t byte = 0; byte < 256; ++byte) {
    std::uint32_t crc = byte;
    for (int bit = 0; bit < 8; ++bit) {
      crc = (crc & 1u) ? (crc >> 1) ^ kCrc32Polynomial : crc >> 1;
    }
    table[byte] = crc;
  }
  return table;
}

constexpr std::array<std::uint32_t, 256> kCrc32Table = make_crc32_table();

bool is_base62_char(char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

// Whether `value` has at most `width` base-62 digits, i.e. 62^width > value.
[[maybe_unused]] bool fits_in_base62_digits(std::uint64_t value, std::size_t width) {
  for (std::size_t digit = 0; digit < width && value > 0; ++digit) value /= 62;
  return value == 0;
}

// The checksum text for the part of a token before it ("hwz_" + random part).
std::string token_checksum(std::string_view prefix_and_random) {
  return base62_encode(crc32(prefix_and_random), kTokenChecksumLength);
}

}  // namespace

std::uint32_t crc32(std::string_view bytes) {
  std::uint32_t crc = 0xFFFFFFFFu;
  for (char c : bytes) {
    crc = kCrc32Table[(crc ^ static_cast<unsigned char>(c)) & 0xFFu] ^ (crc >> 8);
  }
  return crc ^ 0xFFFFFFFFu;
}

std::string base62_encode(std::uint64_t value, std::size_t width) {
  assert(fits_in_base62_digits(value, width));
  // Digits come out least significant first: appended, then reversed (inserting each at
  // the front moved the others every time, on every Bearer request's checksum check).
  std::string digits;
  digits.reserve(width);
  while (value > 0 || digits.size() < width) {
    digits.push_back(kBase62Alphabet[value % 62]);
    value /= 62;
  }
  std::reverse(digits.begin(), digits.end());
  return digits;
}

std::string assemble_token(std::string_view random_part) {
  assert(random_part.size() == kTokenRandomLength);
  for ([[maybe_unused]] char c : random_part) assert(is_base62_char(c));
  std::string token;
  token.reserve(kTokenLength);
  token.append(kTokenPrefix);
  token.append(random_part);
  token.append(token_checksum(token));
  return token;
}

bool is_well_formed_token(std::string_view text) {
  // The length is public (every token has it), so it may end the check early. Past
  // that point every character is looked at and the differences are accumulated, so
  // the running time does not depend on where a mismatch is.
  if (text.size() != kTokenLength) return false;

  unsigned differences = 0;
  for (std::size_t i = 0; i < kTokenPrefix.size(); ++i) {
    differences |= static_cast<unsigned char>(text[i] ^ kTokenPrefix[i]);
  }
  for (std::size_t i = kTokenPrefix.size(); i < kTokenLength; ++i) {
    differences |= is_base62_char(text[i]) ? 0u : 1u;
  }
  const std::size_t checksum_start = kTokenLength - kTokenChecksumLength;
  const std::string expected = token_checksum(text.substr(0, checksum_start));
  for (std::size_t i = 0; i < kTokenChecksumLength; ++i) {
    differences |= static_cast<unsigned char>(text[checksum_start + i] ^ expected[i]);
  }
  return differences == 0;
}

std::string token_identifier(std::string_view token) {
  assert(is_well_formed_token(token));
  return std::string(token.substr(0, kIdentifierLength));
}

bool looks_like_identifier(std::string_view text) {
  if (text.size() != kIdentifierLength) return false;
  if (text.substr(0, kTokenPrefix.size()) != kTokenPrefix) return false;
  for (std::size_t i = kTokenPrefix.size(); i < kIdentifierLength; ++i) {
    if (!is_base62_char(text[i])) return false;
  }
  return true;
}

}  // namespace hawzu
