// Random text from libsodium's CSPRNG. Thread-safe (sodium_init() must have run).
#pragma once

#include "security/secret_string.h"

#include <cstddef>

namespace hawzu::server {

// `length` characters, each uniform over the base62 alphabet (shared/token_format.h),
// via randombytes_uniform(62), which has no modulo bias.
SecretString random_base62(std::size_t length);

}  // namespace hawzu::server
