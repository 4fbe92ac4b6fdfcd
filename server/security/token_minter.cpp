#include "security/token_minter.h"

#include "security/random_text.h"
#include "shared/token_format.h"

namespace hawzu::server {

MintedToken mint_token() {
  SecretString random_part = random_base62(kTokenRandomLength);
  MintedToken minted;
  minted.token = SecretString(assemble_token(random_part.view()));
  minted.identifier = token_identifier(minted.token.view());
  return minted;
}

}  // namespace hawzu::server
