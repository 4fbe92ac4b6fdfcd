// The usage object's JSON (shared/token_usage.h), read back by the web app, the UTC day of
// a time, and the 30-day window.
#include "shared/token_usage.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace hawzu;
using nlohmann::json;

TEST_CASE("A usage object renders as the API describes and reads back", "[token_usage]") {
  TokenUsage usage;
  usage.recent.push_back(
      {1764581412, "GET", "/api/v1/workspace/{wid}/projects", 404, "203.0.113.7", "ci-runner/2.3"});
  usage.daily = usage_window({{20423, 40, 2}}, 20423);  // 2025-12-01
  const json rendered = to_json(usage);
  CHECK(rendered["recent"][0] == json::parse(R"({"time":"2025-12-01T09:30:12Z","method":"GET",
      "route":"/api/v1/workspace/{wid}/projects","status":404,"ip":"203.0.113.7",
      "user_agent":"ci-runner/2.3"})"));
  REQUIRE(rendered["daily"].size() == 30);
  CHECK(rendered["daily"][0] == json::parse(R"({"date":"2025-11-02","requests":0,"errors":0})"));
  CHECK(rendered["daily"][29] == json::parse(R"({"date":"2025-12-01","requests":40,"errors":2})"));

  std::optional<TokenUsage> read = token_usage_from_json(rendered);
  REQUIRE(read);
  REQUIRE(read->recent.size() == 1);
  CHECK(read->recent[0].time == 1764581412);
  CHECK(read->recent[0].status == 404);
  CHECK(read->recent[0].user_agent == "ci-runner/2.3");
  REQUIRE(read->daily.size() == 30);
  CHECK(read->daily[29].day == 20423);
  CHECK(read->daily[29].errors == 2);
}

TEST_CASE("A malformed usage object is refused", "[token_usage]") {
  CHECK_FALSE(token_usage_from_json(json::array()));
  CHECK_FALSE(token_usage_from_json(json::parse(R"({"recent":[]})")));
  CHECK_FALSE(token_usage_from_json(json::parse(R"({"recent":[{"time":"x"}],"daily":[]})")));
  CHECK_FALSE(token_usage_from_json(
      json::parse(R"({"recent":[],"daily":[{"date":"2025-13-01","requests":1,"errors":0}]})")));
  CHECK_FALSE(token_usage_from_json(
      json::parse(R"({"recent":[],"daily":[{"date":"2025-12-01","requests":-1,"errors":0}]})")));
  CHECK(token_usage_from_json(json::parse(R"({"recent":[],"daily":[]})")));
}

TEST_CASE("The UTC day and the 30-day window", "[token_usage]") {
  CHECK(utc_day(0) == 0);
  CHECK(utc_day(86399) == 0);
  CHECK(utc_day(86400) == 1);
  CHECK(utc_day(-1) == -1);  // 1969-12-31
  // Counts outside the window are left out; the same day twice adds up.
  std::vector<DailyUse> window =
      usage_window({{100, 1, 0}, {70, 5, 5}, {100, 2, 1}, {71, 3, 0}}, 100);
  REQUIRE(window.size() == 30);
  CHECK(window.front().day == 71);
  CHECK(window.front().requests == 3);
  CHECK(window.back().day == 100);
  CHECK(window.back().requests == 3);
  CHECK(window.back().errors == 1);
}
