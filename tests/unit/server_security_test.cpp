// Token minting and hashing, session ids, the key file, random text, and passwords.
#include "security/password_hasher.h"
#include "security/random_text.h"
#include "security/session_id.h"
#include "security/token_hasher.h"
#include "security/token_minter.h"
#include "server_test_support.h"
#include "shared/token_format.h"
#include "util/private_file.h"

#include <sys/stat.h>

#include <map>
#include <regex>
#include <set>

using namespace hawzu;
using namespace hawzu::server;
using hawzu::server::testing::TempDir;

namespace {

struct SodiumReady {
  SodiumReady() { REQUIRE(sodium_init() >= 0); }
};

unsigned file_mode(const std::string &path) {
  struct stat info {};
  REQUIRE(::stat(path.c_str(), &info) == 0);
  return info.st_mode & 0777;
}

}  // namespace

TEST_CASE("minted tokens have the product's format and a matching identifier") {
  SodiumReady ready;
  const std::regex format("^hwz_[0-9A-Za-z]{42}$");
  for (int i = 0; i < 200; ++i) {
    MintedToken minted = mint_token();
    const std::string token(minted.token.view());
    REQUIRE(std::regex_match(token, format));
    CHECK(token.size() == kTokenLength);
    CHECK(is_well_formed_token(token));
    CHECK(minted.identifier == token.substr(0, kIdentifierLength));
    CHECK(looks_like_identifier(minted.identifier));
  }
}

TEST_CASE("minted tokens are distinct and their characters are spread over the alphabet") {
  SodiumReady ready;
  constexpr int kTokens = 2000;
  std::set<std::string> seen;
  std::map<char, int> counts;
  for (int i = 0; i < kTokens; ++i) {
    MintedToken minted = mint_token();
    const std::string token(minted.token.view());
    seen.insert(token);
    for (std::size_t k = kTokenPrefix.size(); k < kTokenPrefix.size() + kTokenRandomLength; ++k)
      ++counts[token[k]];
  }
  CHECK(seen.size() == kTokens);
  CHECK(counts.size() == 62);  // every base62 character occurs
  // Chi-square goodness of fit against uniform over 62 symbols (61 degrees of freedom).
  // 120 is far beyond the 99.99th percentile (~110); a biased generator blows past it.
  const double expected = kTokens * kTokenRandomLength / 62.0;
  double chi_square = 0;
  for (const auto &entry : counts)
    chi_square += (entry.second - expected) * (entry.second - expected) / expected;
  CHECK(chi_square < 120.0);
}

TEST_CASE("a secret string is wiped when moved from or destroyed") {
  SecretString first = random_base62(40);
  CHECK(first.size() == 40);
  SecretString second = std::move(first);
  CHECK(first.empty());  // NOLINT: checking the moved-from state on purpose
  CHECK(second.size() == 40);
  second.wipe();
  CHECK(second.empty());
}

TEST_CASE("token hashes are keyed: another key gives another hash") {
  SodiumReady ready;
  const std::string key_a(kTokenHashKeyBytes, 'a');
  const std::string key_b(kTokenHashKeyBytes, 'b');
  TokenHasher hasher_a(key_a);
  TokenHasher hasher_b(key_b);
  MintedToken minted = mint_token();
  CHECK(hasher_a.hash(minted.token.view()) == hasher_a.hash(minted.token.view()));
  CHECK(hasher_a.hash(minted.token.view()) != hasher_b.hash(minted.token.view()));
  MintedToken other = mint_token();
  CHECK(hasher_a.hash(minted.token.view()) != hasher_a.hash(other.token.view()));
}

TEST_CASE("the key file is created once with mode 0600 and read back on the next start") {
  SodiumReady ready;
  TempDir dir;
  LoadedKey created = load_or_create_token_hash_key(dir.path() + "/" + kTokenHashKeyFileName, true);
  REQUIRE(created.error.empty());
  CHECK(created.created);
  CHECK(created.key.size() == kTokenHashKeyBytes);
  const std::string path = dir.path() + "/" + kTokenHashKeyFileName;
  CHECK(file_mode(path) == 0600);

  LoadedKey loaded = load_or_create_token_hash_key(dir.path() + "/" + kTokenHashKeyFileName, true);
  REQUIRE(loaded.error.empty());
  CHECK_FALSE(loaded.created);
  CHECK(loaded.key.view() == created.key.view());
}

TEST_CASE("a missing key is an error when it may not be created") {
  SodiumReady ready;
  TempDir dir;
  LoadedKey result = load_or_create_token_hash_key(dir.path() + "/" + kTokenHashKeyFileName, false);
  CHECK_THAT(result.error, Catch::Contains("missing"));
}

TEST_CASE("a key file of the wrong size is never replaced") {
  SodiumReady ready;
  TempDir dir;
  const std::string path = dir.path() + "/" + kTokenHashKeyFileName;
  REQUIRE(write_private_file(path, "too short").empty());
  LoadedKey result = load_or_create_token_hash_key(dir.path() + "/" + kTokenHashKeyFileName, true);
  CHECK_THAT(result.error, Catch::Contains("32-byte"));
  CHECK(*read_small_file(path, 100) == "too short");
}

TEST_CASE("a key file readable by others is tightened to 0600") {
  SodiumReady ready;
  TempDir dir;
  REQUIRE(
      load_or_create_token_hash_key(dir.path() + "/" + kTokenHashKeyFileName, true).error.empty());
  const std::string path = dir.path() + "/" + kTokenHashKeyFileName;
  ::chmod(path.c_str(), 0644);
  REQUIRE(
      load_or_create_token_hash_key(dir.path() + "/" + kTokenHashKeyFileName, true).error.empty());
  CHECK(file_mode(path) == 0600);
}

TEST_CASE("session ids are 43 base64url characters and hash consistently") {
  SodiumReady ready;
  const std::regex format("^[A-Za-z0-9_-]{43}$");
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) {
    NewSessionId id = new_session_id();
    const std::string value(id.cookie_value.view());
    REQUIRE(std::regex_match(value, format));
    std::optional<SessionIdHash> hash = session_id_hash_from_cookie(value);
    REQUIRE(hash);
    CHECK(*hash == id.hash);
    seen.insert(value);
  }
  CHECK(seen.size() == 100);
}

TEST_CASE("malformed session cookies are refused before any lookup") {
  SodiumReady ready;
  NewSessionId id = new_session_id();
  const std::string good(id.cookie_value.view());
  CHECK(session_id_hash_from_cookie(good));
  CHECK_FALSE(session_id_hash_from_cookie(""));
  CHECK_FALSE(session_id_hash_from_cookie(good.substr(0, 42)));
  CHECK_FALSE(session_id_hash_from_cookie(good + "A"));
  CHECK_FALSE(session_id_hash_from_cookie(good.substr(0, 42) + "="));
  CHECK_FALSE(session_id_hash_from_cookie(good.substr(0, 42) + "+"));
  CHECK_FALSE(session_id_hash_from_cookie(good.substr(0, 42) + "%"));
  CHECK_FALSE(session_id_hash_from_cookie(std::string(43, '\0')));
}

TEST_CASE("random base62 text uses only the alphabet") {
  SodiumReady ready;
  SecretString text = random_base62(500);
  REQUIRE(text.size() == 500);
  for (char c : text.view()) CHECK(kBase62Alphabet.find(c) != std::string_view::npos);
}

TEST_CASE("password hashes verify the right password only") {
  SodiumReady ready;
  PasswordHasher hasher(PasswordHashLimits::minimum_for_tests(), 2);
  const std::string hash = hasher.hash("correct horse");
  CHECK_THAT(hash, Catch::StartsWith("$argon2id$"));
  CHECK(hasher.verify(hash, "correct horse"));
  CHECK_FALSE(hasher.verify(hash, "correct horse "));
  CHECK_FALSE(hasher.verify(hash, ""));
  CHECK_FALSE(hasher.verify("not a hash", "correct horse"));
  CHECK_FALSE(hasher.verify(std::string(500, '$'), "correct horse"));
  hasher.verify_dummy("anything");  // must not throw
}

TEST_CASE("hashes made with other limits need a rehash") {
  SodiumReady ready;
  PasswordHasher fast(PasswordHashLimits::minimum_for_tests(), 1);
  PasswordHasher stronger({crypto_pwhash_OPSLIMIT_MIN + 1, crypto_pwhash_MEMLIMIT_MIN * 2}, 1);
  const std::string hash = fast.hash("pw");
  CHECK_FALSE(fast.needs_rehash(hash));
  CHECK(stronger.needs_rehash(hash));
  CHECK(stronger.needs_rehash("garbage"));
  CHECK(stronger.verify(hash, "pw"));  // old hashes still verify
}

TEST_CASE("private files are created with mode 0600, exclusively when asked") {
  TempDir dir;
  const std::string path = dir.path() + "/secret";
  REQUIRE(create_private_file(path, "one").empty());
  CHECK(file_mode(path) == 0600);
  CHECK_THAT(create_private_file(path, "two"), Catch::Contains("exists"));
  CHECK(*read_small_file(path, 10) == "one");
  ::chmod(path.c_str(), 0644);
  REQUIRE(write_private_file(path, "three").empty());
  CHECK(file_mode(path) == 0600);
  CHECK(*read_small_file(path, 10) == "three");
}
