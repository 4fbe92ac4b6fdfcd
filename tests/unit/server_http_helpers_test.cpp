// Small HTTP helpers: cookie parsing, origin comparison, JSON depth, path ids.
#include "http/cookies.h"
#include "http/json_body.h"
#include "http/path_params.h"
#include "http/session_guard.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace hawzu::server;

TEST_CASE("session cookies are found among others and across Cookie headers") {
  httplib::Request request;
  request.headers.emplace("Cookie", "theme=dark; hawzu_session=abc ; other=1");
  request.headers.emplace("Cookie", "hawzu_session=\"def\"");
  std::vector<std::string> values = cookie_values(request, "hawzu_session");
  std::sort(values.begin(), values.end());  // headers come in no particular order
  CHECK(values == std::vector<std::string>{"abc", "def"});
  CHECK(cookie_values(request, "missing").empty());
  CHECK(cookie_values(request, "hawzu").empty());
}

TEST_CASE("the number of cookie values read is bounded") {
  httplib::Request request;
  std::string header;
  for (int i = 0; i < 50; ++i) header += "hawzu_session=" + std::to_string(i) + "; ";
  request.headers.emplace("Cookie", header);
  CHECK(cookie_values(request, "hawzu_session").size() == 8);
}

TEST_CASE("Set-Cookie attributes") {
  CHECK(session_cookie("v", 43200, false) ==
        "hawzu_session=v; Max-Age=43200; Path=/; HttpOnly; SameSite=Strict");
  // Under TLS: the __Host- prefix (Secure, Path=/, no Domain).
  CHECK(session_cookie("v", 60, true) ==
        "__Host-hawzu_session=v; Max-Age=60; Path=/; HttpOnly; SameSite=Strict; Secure");
  CHECK(expired_session_cookie(true) ==
        "__Host-hawzu_session=; Max-Age=0; Path=/; HttpOnly; SameSite=Strict; Secure");
  CHECK(expired_session_cookie(false) ==
        "hawzu_session=; Max-Age=0; Path=/; HttpOnly; SameSite=Strict");
}

TEST_CASE("origins compare by scheme, host and port, ignoring case and default ports") {
  httplib::Request request;
  request.headers.emplace("Host", "LocalHost:8080");
  CHECK(own_origin(request, false) == "http://localhost:8080");
  CHECK(own_origin(request, true) == "https://localhost:8080");
  CHECK(normalise_origin("http://example.test:80") == "http://example.test");
  CHECK(normalise_origin("https://example.test:443") == "https://example.test");
  CHECK(normalise_origin("http://example.test:8080") == "http://example.test:8080");
  CHECK(normalise_origin("https://example.test:80") == "https://example.test:80");
  httplib::Request without_host;
  CHECK(own_origin(without_host, false).empty());
}

TEST_CASE("JSON nesting depth is counted outside strings") {
  CHECK(json_nesting_depth("{}", 32) == 1);
  CHECK(json_nesting_depth(R"({"a":[{"b":[]}]})", 32) == 4);
  CHECK(json_nesting_depth(R"({"a":"[[[[[[{{{{"})", 32) == 1);
  CHECK(json_nesting_depth(R"({"a":"\"[[[["})", 32) == 1);
  CHECK(json_nesting_depth(std::string(1000, '['), 32) == 33);  // stops early
}

TEST_CASE("path ids are plain positive decimals") {
  httplib::Request request;
  auto id_of = [&request](const std::string &text) {
    request.path_params["wid"] = text;
    return path_id(request, "wid");
  };
  CHECK(id_of("1") == 1);
  CHECK(id_of("123456789012345678") == 123456789012345678);
  CHECK_FALSE(id_of(""));
  CHECK_FALSE(id_of("0"));
  CHECK_FALSE(id_of("01"));
  CHECK_FALSE(id_of("-1"));
  CHECK_FALSE(id_of("1e3"));
  CHECK_FALSE(id_of("options"));
  CHECK_FALSE(id_of("1234567890123456789"));
  CHECK_FALSE(path_id(request, "tid"));
}
