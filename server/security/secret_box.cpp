#include "security/secret_box.h"

#include <sodium.h>

#include <new>
#include <stdexcept>
#include <string>

namespace hawzu::server {
namespace {

// The key derivation's context and subkey id: this key seals stored secrets only.
constexpr char kSealContext[crypto_kdf_CONTEXTBYTES + 1] = "hwzseal1";
constexpr std::uint64_t kSealSubkeyId = 1;

}  // namespace

SecretBox::SecretBox(std::string_view server_key)
    : key_(static_cast<unsigned char *>(sodium_malloc(crypto_secretbox_KEYBYTES))) {
  if (!key_) throw std::bad_alloc();
  if (server_key.size() != crypto_kdf_KEYBYTES) {
    sodium_free(key_);
    throw std::invalid_argument("the server key must be 32 bytes");
  }
  static_assert(crypto_secretbox_KEYBYTES >= crypto_kdf_BYTES_MIN &&
                crypto_secretbox_KEYBYTES <= crypto_kdf_BYTES_MAX);
  crypto_kdf_derive_from_key(key_, crypto_secretbox_KEYBYTES, kSealSubkeyId, kSealContext,
                             reinterpret_cast<const unsigned char *>(server_key.data()));
}

SecretBox::~SecretBox() {
  sodium_free(key_);
}

std::vector<unsigned char> SecretBox::seal(std::string_view secret) const {
  std::vector<unsigned char> sealed(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES +
                                    secret.size());
  randombytes_buf(sealed.data(), crypto_secretbox_NONCEBYTES);
  crypto_secretbox_easy(sealed.data() + crypto_secretbox_NONCEBYTES,
                        reinterpret_cast<const unsigned char *>(secret.data()), secret.size(),
                        sealed.data(), key_);
  return sealed;
}

std::optional<SecretString> SecretBox::open(const std::vector<unsigned char> &sealed) const {
  if (sealed.size() < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES) return std::nullopt;
  const std::size_t length =
      sealed.size() - crypto_secretbox_NONCEBYTES - crypto_secretbox_MACBYTES;
  std::string clear;
  clear.resize(length);
  if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char *>(clear.data()),
                                 sealed.data() + crypto_secretbox_NONCEBYTES,
                                 sealed.size() - crypto_secretbox_NONCEBYTES, sealed.data(),
                                 key_) != 0)
    return std::nullopt;
  return SecretString(std::move(clear));
}

}  // namespace hawzu::server
