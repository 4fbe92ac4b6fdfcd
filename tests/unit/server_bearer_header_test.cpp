// Reading "Authorization: Bearer <token>" strictly (RFC 6750 §2.1): the scheme in any
// case, the token printable ASCII only, since cpp-httplib has already percent-decoded
// the header value.
#include "auth/bearer_credentials.h"

#include <catch2/catch.hpp>

#include <string>

using namespace hawzu::server;

TEST_CASE("a Bearer header yields its token") {
  const std::string token = "hwz_" + std::string(42, 'A');
  CHECK(bearer_token_from_authorization("Bearer " + token) == token);
  CHECK(bearer_token_from_authorization("bearer " + token) == token);
  CHECK(bearer_token_from_authorization("BEARER " + token) == token);
  CHECK(bearer_token_from_authorization("Bearer   " + token) == token);
}

TEST_CASE("anything else is no Bearer token") {
  CHECK_FALSE(bearer_token_from_authorization(""));
  CHECK_FALSE(bearer_token_from_authorization("Bearer"));
  CHECK_FALSE(bearer_token_from_authorization("Bearer "));
  CHECK_FALSE(bearer_token_from_authorization("Bearer    "));
  CHECK_FALSE(bearer_token_from_authorization("Bearerhwz_abc"));
  CHECK_FALSE(bearer_token_from_authorization("Bearer\thwz_abc"));
  CHECK_FALSE(bearer_token_from_authorization("Basic dXNlcjpwYXNz"));
  CHECK_FALSE(bearer_token_from_authorization("Token hwz_abc"));
  CHECK_FALSE(bearer_token_from_authorization("hwz_abc"));
  // What a percent-decoded header can hold.
  CHECK_FALSE(bearer_token_from_authorization("Bearer hwz_ab\ncd"));
  CHECK_FALSE(bearer_token_from_authorization("Bearer hwz_ab\rcd"));
  CHECK_FALSE(bearer_token_from_authorization(std::string("Bearer hwz_ab\0cd", 17)));
  CHECK_FALSE(bearer_token_from_authorization("Bearer hwz_ab cd"));
  CHECK_FALSE(bearer_token_from_authorization("Bearer hwz_ab\xC3\xA9"));
  CHECK_FALSE(bearer_token_from_authorization("Bearer hwz_abc "));
}

TEST_CASE("the challenges are RFC 6750's") {
  CHECK(std::string(kBearerChallenge) == "Bearer realm=\"hawzu\"");
  CHECK(std::string(kInvalidTokenChallenge) == "Bearer realm=\"hawzu\", error=\"invalid_token\"");
  CHECK(std::string(kInsufficientScopeChallenge) ==
        "Bearer realm=\"hawzu\", error=\"insufficient_scope\"");
}
