// Mints new access tokens (docs/product.md#tokens): "hwz_" + 36 characters from
// randombytes_uniform(62) (≈214 bits) + the 6-character checksum, assembled by the
// shared token_format code. Thread-safe.
#pragma once

#include "security/secret_string.h"

#include <string>

namespace hawzu::server {

struct MintedToken {
  SecretString token;      // the full token: shown once to its creator, never stored
  std::string identifier;  // "hwz_" + the first 8 random characters: public
};

MintedToken mint_token();

}  // namespace hawzu::server
