// The access-token text format (docs/product.md#tokens): "hwz_" + 36 random base62 characters +
// 6 base62 characters of the CRC32 of everything before them. 46 characters in all.
//
// The checksum lets secret scanners recognise tokens and lets the server reject a typo
// before any database work. It is NOT a security property; the 36 random characters
// (≈214 bits) are. Generating those characters needs a CSPRNG and lives in the server;
// this file only builds, checks and splits the text. Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace hawzu {

inline constexpr std::string_view kTokenPrefix = "hwz_";
inline constexpr std::size_t kTokenRandomLength = 36;
inline constexpr std::size_t kTokenChecksumLength = 6;
inline constexpr std::size_t kTokenLength = 4 + kTokenRandomLength + kTokenChecksumLength;  // 46
// Identifier: prefix + the first 8 random characters, e.g. "hwz_Ab12Cd34". Public.
inline constexpr std::size_t kIdentifierRandomLength = 8;
inline constexpr std::size_t kIdentifierLength = 4 + kIdentifierRandomLength;  // 12

// "0-9A-Za-z", in that order.
inline constexpr std::string_view kBase62Alphabet =
    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

// IEEE 802.3 CRC-32 (the zlib one), so outside scanners can recompute it.
std::uint32_t crc32(std::string_view bytes);

// `value` in base62, most significant digit first, left-padded with '0' to `width`.
// REQUIRES: 62^width > value.
std::string base62_encode(std::uint64_t value, std::size_t width);

// REQUIRES: random_part is kTokenRandomLength characters from kBase62Alphabet.
// Returns the full token: prefix + random_part + checksum.
std::string assemble_token(std::string_view random_part);

// True when `text` has the prefix, the exact length, only base62 after the prefix,
// and a matching checksum. Runs in time independent of where a mismatch is.
bool is_well_formed_token(std::string_view text);

// REQUIRES: is_well_formed_token(token).
std::string token_identifier(std::string_view token);

// True for text shaped like an identifier ("hwz_" + 8 base62), for search input.
bool looks_like_identifier(std::string_view text);

}  // namespace hawzu
