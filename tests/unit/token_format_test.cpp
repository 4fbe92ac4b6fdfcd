// The access-token text format (docs/product.md#tokens).
#include "shared/token_format.h"

#include <catch2/catch.hpp>

#include <string>

using namespace hawzu;

namespace {

// A token built by hand from the spec: "hwz_" + 36 random characters + base62(crc32) in
// six characters. Its checksum was computed independently (Python's zlib.crc32).
const std::string kRandomPart = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghij";
const std::string kToken = "hwz_ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghij2vEtni";

}  // namespace

TEST_CASE("Token format constants match the product spec", "[token_format]") {
  CHECK(kTokenPrefix == "hwz_");
  CHECK(kTokenLength == 46);
  CHECK(kIdentifierLength == 12);
  CHECK(kBase62Alphabet.size() == 62);
}

TEST_CASE("crc32 is the zlib / IEEE CRC-32", "[token_format]") {
  CHECK(crc32("123456789") == 0xCBF43926u);  // the standard check value
  CHECK(crc32("") == 0u);
  CHECK(crc32("a") == 0xE8B7BE43u);
  CHECK(crc32("hwz_") == 0xA06CA33Cu);
}

TEST_CASE("base62_encode writes most significant digit first, padded with '0'", "[token_format]") {
  CHECK(base62_encode(0, 6) == "000000");
  CHECK(base62_encode(9, 1) == "9");
  CHECK(base62_encode(10, 1) == "A");
  CHECK(base62_encode(36, 1) == "a");
  CHECK(base62_encode(61, 1) == "z");
  CHECK(base62_encode(62, 2) == "10");
  CHECK(base62_encode(62, 6) == "000010");
  CHECK(base62_encode(0xFFFFFFFFu, 6) == "4gfFC3");  // the largest checksum fits six digits
}

TEST_CASE("assemble_token appends the checksum of prefix and random part", "[token_format]") {
  const std::string token = assemble_token(kRandomPart);
  CHECK(token == kToken);
  CHECK(token.size() == kTokenLength);
  CHECK(token.substr(0, 4) == "hwz_");
  CHECK(token.substr(4, 36) == kRandomPart);
}

TEST_CASE("A checksum with leading zero digits keeps its six characters", "[token_format]") {
  // This random part happens to give a CRC below 62^4: its checksum starts with "00".
  const std::string token = assemble_token("000000000000000000000000000000000020");
  CHECK(token == "hwz_00000000000000000000000000000000002000rNAR");
  CHECK(is_well_formed_token(token));
}

TEST_CASE("Assembled tokens are well formed", "[token_format]") {
  CHECK(is_well_formed_token(kToken));
  CHECK(is_well_formed_token(assemble_token("zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz")));
  CHECK(is_well_formed_token(assemble_token("000000000000000000000000000000000000")));
  CHECK(is_well_formed_token(assemble_token("q1W2e3R4t5Y6u7I8o9P0aSdFgHjKlZxCvBnM")));
}

TEST_CASE("A one-character typo is rejected", "[token_format]") {
  std::string typo = kToken;
  typo[10] = 'X';  // was 'G'
  CHECK_FALSE(is_well_formed_token(typo));
}

TEST_CASE("A changed character anywhere in the token is rejected", "[token_format]") {
  for (std::size_t i = 0; i < kToken.size(); ++i) {
    std::string changed = kToken;
    changed[i] = changed[i] == 'a' ? 'b' : 'a';
    INFO("position " << i);
    CHECK_FALSE(is_well_formed_token(changed));
  }
}

TEST_CASE("Swapping two neighbouring characters is rejected", "[token_format]") {
  std::string swapped = kToken;
  std::swap(swapped[20], swapped[21]);
  REQUIRE(swapped != kToken);
  CHECK_FALSE(is_well_formed_token(swapped));
}

TEST_CASE("A wrong checksum is rejected", "[token_format]") {
  CHECK_FALSE(is_well_formed_token("hwz_ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghij000000"));
  CHECK_FALSE(is_well_formed_token("hwz_ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghij2vEtnj"));
}

TEST_CASE("A token of the wrong length is rejected", "[token_format]") {
  CHECK_FALSE(is_well_formed_token(""));
  CHECK_FALSE(is_well_formed_token("hwz_"));
  CHECK_FALSE(is_well_formed_token(kToken.substr(0, 45)));
  CHECK_FALSE(is_well_formed_token(kToken + "0"));
  CHECK_FALSE(is_well_formed_token(" " + kToken));
  CHECK_FALSE(is_well_formed_token(kToken + "\n"));
}

TEST_CASE("A token with another prefix is rejected even with a matching checksum",
          "[token_format]") {
  // Checksums computed over the wrong prefix, so only the prefix rule can reject these.
  const std::string upper = "HWZ_" + kRandomPart;
  CHECK_FALSE(is_well_formed_token(upper + base62_encode(crc32(upper), 6)));
  const std::string other = "hwx_" + kRandomPart;
  CHECK_FALSE(is_well_formed_token(other + base62_encode(crc32(other), 6)));
}

TEST_CASE("A token with a character outside base62 is rejected even with a matching checksum",
          "[token_format]") {
  const std::string with_dash = "hwz_ABCDEFGHIJKLMNOPQ-STUVWXYZabcdefghij";
  CHECK_FALSE(is_well_formed_token(with_dash + base62_encode(crc32(with_dash), 6)));
  const std::string with_underscore = "hwz_ABCDEFGHIJKLMNOPQ_STUVWXYZabcdefghij";
  CHECK_FALSE(is_well_formed_token(with_underscore + base62_encode(crc32(with_underscore), 6)));
  const std::string with_accent = "hwz_ABCDEFGHIJKLMNOPQ\xC3\xA9TUVWXYZabcdefghij";
  REQUIRE(with_accent.size() == 40);
  CHECK_FALSE(is_well_formed_token(with_accent + base62_encode(crc32(with_accent), 6)));
}

TEST_CASE("token_identifier is the prefix and the first 8 random characters", "[token_format]") {
  CHECK(token_identifier(kToken) == "hwz_ABCDEFGH");
  CHECK(token_identifier(kToken).size() == kIdentifierLength);
}

TEST_CASE("looks_like_identifier accepts exactly the identifier shape", "[token_format]") {
  CHECK(looks_like_identifier("hwz_Ab12Cd34"));
  CHECK(looks_like_identifier(token_identifier(kToken)));

  CHECK_FALSE(looks_like_identifier("hwz_Ab12Cd3"));    // too short
  CHECK_FALSE(looks_like_identifier("hwz_Ab12Cd345"));  // too long
  CHECK_FALSE(looks_like_identifier("HWZ_Ab12Cd34"));   // prefix is lower case
  CHECK_FALSE(looks_like_identifier("hwx_Ab12Cd34"));
  CHECK_FALSE(looks_like_identifier("hwz_Ab12-d34"));  // not base62
  CHECK_FALSE(looks_like_identifier("CI Runner 01"));
  CHECK_FALSE(looks_like_identifier(kToken));  // a full token is not an identifier
  CHECK_FALSE(looks_like_identifier(""));
}
