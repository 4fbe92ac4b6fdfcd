#include "security/token_hasher.h"

#include "util/private_file.h"

#include <sys/stat.h>

#include <cstring>
#include <new>

namespace hawzu::server {

TokenHasher::TokenHasher(std::string_view key)
    : key_(static_cast<unsigned char *>(sodium_malloc(kTokenHashKeyBytes))) {
  if (!key_) throw std::bad_alloc();
  std::memcpy(key_, key.data(), kTokenHashKeyBytes);
  sodium_mprotect_readonly(key_);
}

TokenHasher::~TokenHasher() {
  sodium_free(key_);
}

TokenHash TokenHasher::hash(std::string_view token) const {
  TokenHash out{};
  crypto_generichash(out.data(), out.size(), reinterpret_cast<const unsigned char *>(token.data()),
                     token.size(), key_, kTokenHashKeyBytes);
  return out;
}

std::string token_key_check_value(const TokenHasher &hasher) {
  static const char kHex[] = "0123456789abcdef";
  TokenHash check = hasher.hash("hawzu token-hashing key check v1");
  std::string hex;
  for (unsigned char byte : check) {
    hex.push_back(kHex[byte >> 4]);
    hex.push_back(kHex[byte & 15]);
  }
  return hex;
}

LoadedKey load_or_create_token_hash_key(const std::string &path, bool may_create) {
  LoadedKey result;
  struct stat info {};
  if (::lstat(path.c_str(), &info) != 0) {
    if (!may_create) {
      result.error = path + " is missing, and the database already holds access tokens hashed " +
                     "with it; restore the file from a backup (a new key would disable them all)";
      return result;
    }
    std::string key(kTokenHashKeyBytes, '\0');
    crypto_generichash_keygen(reinterpret_cast<unsigned char *>(key.data()));
    if (std::string problem = create_private_file(path, key); !problem.empty()) {
      sodium_memzero(key.data(), key.size());
      result.error = problem;
      return result;
    }
    result.key = SecretString(std::move(key));
    result.created = true;
    return result;
  }
  if (!S_ISREG(info.st_mode)) {
    result.error = path + " is not a regular file";
    return result;
  }
  if ((info.st_mode & 077) != 0) ::chmod(path.c_str(), 0600);  // others must not read it
  std::optional<std::string> content = read_small_file(path, kTokenHashKeyBytes);
  if (!content) {
    result.error = "cannot read " + path;
    return result;
  }
  if (content->size() != kTokenHashKeyBytes) {
    sodium_memzero(content->data(), content->size());
    result.error = path + " is not a " + std::to_string(kTokenHashKeyBytes) + "-byte key";
    return result;
  }
  result.key = SecretString(std::move(*content));
  return result;
}

}  // namespace hawzu::server
