// The webhook rules that need no network: which addresses a webhook may reach
// (util/private_address.h), the URL form (services/webhook_url.h), the retry schedule
// (services/webhook_retry.h), the signature and the sealed secret.
#include "security/secret_box.h"
#include "security/webhook_signature.h"
#include "services/webhook_retry.h"
#include "services/webhook_target.h"
#include "services/webhook_url.h"
#include "util/private_address.h"

#include <sodium.h>

#include <catch2/catch.hpp>

#include <string>

using namespace hawzu::server;

TEST_CASE(
    "webhook targets: loopback, private, link-local and other reserved addresses are refused") {
  struct Case {
    const char *address;
    const char *reason;
  };
  const Case refused[] = {
      {"127.0.0.1", "loopback"},
      {"127.255.255.254", "loopback"},
      {"10.0.0.1", "private"},
      {"172.16.0.1", "private"},
      {"172.31.255.255", "private"},
      {"192.168.1.1", "private"},
      {"169.254.169.254", "link-local"},
      {"0.0.0.0", "unspecified"},
      {"100.64.0.1", "shared"},
      {"224.0.0.251", "multicast"},
      {"255.255.255.255", "reserved"},
      {"198.18.0.1", "benchmarking"},
      {"::1", "loopback"},
      {"::", "unspecified"},
      {"fe80::1", "link-local"},
      {"fd00::1", "unique-local"},
      {"fc00::1", "unique-local"},
      {"ff02::1", "multicast"},
      {"::ffff:127.0.0.1", "loopback"},
      {"::ffff:10.1.2.3", "private"},
      {"::ffff:169.254.1.1", "link-local"},
      {"64:ff9b::7f00:1", "loopback"},
      {"2002:c0a8:0101::1", "private"},
      {"fec0::1", "site-local"},
      {"2001:db8::1", "documentation"},
  };
  for (const Case &c : refused) {
    INFO(c.address);
    const auto reason = non_public_address_reason(c.address);
    REQUIRE(reason);
    CHECK(reason->find(c.reason) != std::string::npos);
  }
  for (const char *address :
       {"8.8.8.8", "1.1.1.1", "172.32.0.1", "172.15.255.255", "192.169.0.1", "100.128.0.1",
        "2606:4700:4700::1111", "2a00:1450:4001:80b::200e", "::ffff:8.8.8.8", "11.0.0.1"}) {
    INFO(address);
    CHECK_FALSE(non_public_address_reason(address));
  }
  CHECK(non_public_address_reason("example.com"));
  CHECK(non_public_address_reason(""));

  // A name resolving to several addresses is refused if any is private.
  CHECK(refused_addresses("a.test", {"8.8.8.8", "10.0.0.1"}).find("10.0.0.1") != std::string::npos);
  CHECK(refused_addresses("a.test", {"8.8.8.8", "2606:4700::1"}).empty());
  // A literal is checked without a name server.
  WebhookUrl url;
  url.host = "127.0.0.1";
  url.port = 80;
  CHECK(resolve_webhook_target(url, false).address.empty());
  CHECK(resolve_webhook_target(url, true).address == "127.0.0.1");
}

TEST_CASE("webhook URLs: absolute http(s) with a host, no credentials or fragment") {
  std::string why;
  auto url = parse_webhook_url("https://Hooks.Example.com:8443/in?x=1", why);
  REQUIRE(url);
  CHECK(url->https);
  CHECK(url->host == "hooks.example.com");
  CHECK(url->port == 8443);
  CHECK(url->target == "/in?x=1");
  url = parse_webhook_url("http://[2001:db8::1]", why);
  REQUIRE(url);
  CHECK(url->host == "2001:db8::1");
  CHECK(url->port == 80);
  CHECK(url->target == "/");
  CHECK(parse_webhook_url("https://example.com?a", why)->target == "/?a");
  for (const char *bad :
       {"", "example.com", "ftp://example.com", "https://", "https:///x",
        "https://u:p@example.com/", "https://example.com/#x", "https://ex ample.com",
        "https://example.com:/", "https://example.com:65536/", "https://[::1/",
        "https://[example]/", "https://exa_mple.com/", "https://example.com/\xc3\xa9"}) {
    INFO(bad);
    CHECK_FALSE(parse_webhook_url(bad, why));
    CHECK_FALSE(why.empty());
  }
  CHECK(parse_webhook_url("https://e.com/" + std::string(2048 - 14, 'a'), why));
  CHECK_FALSE(parse_webhook_url("https://e.com/" + std::string(2048 - 13, 'a'), why));
}

TEST_CASE("webhook retries: 30 s doubling to at most an hour, for a day") {
  CHECK(retry_delay_seconds(1) == 30);
  CHECK(retry_delay_seconds(2) == 60);
  CHECK(retry_delay_seconds(3) == 120);
  CHECK(retry_delay_seconds(7) == 1920);
  CHECK(retry_delay_seconds(8) == 3600);
  CHECK(retry_delay_seconds(50) == 3600);

  const std::int64_t created = 1'000'000;
  CHECK(next_attempt_time(created, 1, created) == created + 30);
  CHECK(next_attempt_time(created, 2, created + 31) == created + 91);
  // Walk the whole schedule: it ends once the next attempt would start after a day.
  std::int64_t now = created;
  int attempts = 0;
  while (auto next = next_attempt_time(created, ++attempts, now)) {
    CHECK(*next - now == retry_delay_seconds(attempts));
    CHECK(*next <= created + kRetryWindowSeconds);
    now = *next;
  }
  CHECK(now + retry_delay_seconds(attempts) > created + kRetryWindowSeconds);
  CHECK(attempts > 20);
  CHECK(attempts < 40);
  CHECK_FALSE(next_attempt_time(created, 1, created + kRetryWindowSeconds - 29));
}

TEST_CASE("webhook signatures: hex HMAC-SHA256 keyed with the whole secret text") {
  REQUIRE(sodium_init() >= 0);
  // The well-known HMAC-SHA256 example.
  CHECK(webhook_signature("The quick brown fox jumps over the lazy dog", "key") ==
        "sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
  const SecretString secret = new_webhook_secret();
  CHECK(secret.view().substr(0, 6) == "whsec_");
  CHECK(secret.size() == 6 + 43);
  CHECK(new_webhook_secret().view() != secret.view());
}

TEST_CASE("sealed secrets open only under the same server key") {
  REQUIRE(sodium_init() >= 0);
  const std::string key(32, 'k');
  const SecretBox box(key);
  const auto sealed = box.seal("whsec_abc");
  CHECK(std::string(sealed.begin(), sealed.end()).find("whsec_abc") == std::string::npos);
  REQUIRE(box.open(sealed));
  CHECK(box.open(sealed)->view() == "whsec_abc");
  CHECK(box.seal("whsec_abc") != sealed);  // a fresh nonce each time
  CHECK_FALSE(SecretBox(std::string(32, 'j')).open(sealed));
  auto altered = sealed;
  altered.back() ^= 1;
  CHECK_FALSE(box.open(altered));
  CHECK_FALSE(box.open({1, 2, 3}));
}
