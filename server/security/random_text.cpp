#include "security/random_text.h"

#include "shared/token_format.h"

#include <sodium.h>

namespace hawzu::server {

SecretString random_base62(std::size_t length) {
  std::string text;
  text.reserve(length);
  for (std::size_t i = 0; i < length; ++i)
    text.push_back(
        kBase62Alphabet[randombytes_uniform(static_cast<std::uint32_t>(kBase62Alphabet.size()))]);
  return SecretString(std::move(text));
}

}  // namespace hawzu::server
