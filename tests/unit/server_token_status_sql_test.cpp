// The token status rule two ways: token_status() in C++, and the SQL the store builds
// from the same rule (store/token_status_sql.h) run in a real SQLite database, for every
// stored state and kind of expiry.
#include "server_test_support.h"
#include "store/token_status_sql.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

using namespace hawzu;
using namespace hawzu::server;
using hawzu::server::testing::TestDatabase;

namespace {

// Binds :now when the SQL reads it (a disabled filter does not).
void bind_now(Statement &statement, const std::string &sql, std::int64_t now) {
  if (sql.find(":now") != std::string::npos) statement.bind(statement.parameter_index(":now"), now);
}

}  // namespace

TEST_CASE("token status SQL: the C++ rule and its SQL agree on every combination", "[status]") {
  TestDatabase test;
  Database::Lease connection = test.database->connect();
  // The columns the rule reads, named as in access_tokens.
  connection->execute(
      "CREATE TEMP TABLE status_sample (id INTEGER PRIMARY KEY, status TEXT NOT NULL, "
      "expires_at INTEGER)");

  const std::int64_t now = 1'700'000'000;
  struct Sample {
    bool disabled;
    std::optional<std::int64_t> expires_at;
  };
  std::vector<Sample> samples;
  for (bool disabled : {false, true}) {
    samples.push_back({disabled, std::nullopt});  // never expires
    samples.push_back({disabled, now - 1});       // expired
    samples.push_back({disabled, now});           // the last valid second
    samples.push_back({disabled, now + 1});       // not yet expired
  }
  for (std::size_t i = 0; i < samples.size(); ++i)
    connection->prepare("INSERT INTO status_sample (id, status, expires_at) VALUES (?, ?, ?)")
        .bind(1, static_cast<std::int64_t>(i + 1))
        .bind(2, samples[i].disabled ? "disabled" : "enabled")
        .bind(3, samples[i].expires_at)
        .run();

  const std::array<TokenStatus, 3> statuses{TokenStatus::enabled, TokenStatus::disabled,
                                            TokenStatus::expired};
  for (std::size_t i = 0; i < samples.size(); ++i) {
    const Sample &sample = samples[i];
    const std::int64_t id = static_cast<std::int64_t>(i + 1);
    CAPTURE(sample.disabled, sample.expires_at.has_value(), sample.expires_at.value_or(0) - now);
    const TokenStatus expected = token_status(sample.disabled, sample.expires_at, now);

    const std::string case_sql =
        "SELECT " + token_status_case_sql() + " FROM status_sample t WHERE t.id = :id";
    Statement status_of = connection->prepare(case_sql);
    bind_now(status_of, case_sql, now);
    status_of.bind(status_of.parameter_index(":id"), id);
    REQUIRE(status_of.step());
    CHECK(status_of.column_text(0) == std::string(wire_name(expected)));

    for (TokenStatus status : statuses) {
      CAPTURE(wire_name(status));
      const std::string filter_sql = "SELECT count(*) FROM status_sample t WHERE t.id = :id AND " +
                                     token_status_filter_sql(status);
      Statement matches = connection->prepare(filter_sql);
      bind_now(matches, filter_sql, now);
      matches.bind(matches.parameter_index(":id"), id);
      REQUIRE(matches.step());
      CHECK(matches.column_int64(0) == (status == expected ? 1 : 0));
    }
  }
}

TEST_CASE("token status SQL: the C++ rule ranks disabled over expired over enabled", "[status]") {
  const std::int64_t now = 1'700'000'000;
  CHECK(token_status(true, now - 1, now) == TokenStatus::disabled);
  CHECK(token_status(true, std::nullopt, now) == TokenStatus::disabled);
  CHECK(token_status(false, now - 1, now) == TokenStatus::expired);
  CHECK(token_status(false, now, now) == TokenStatus::enabled);
  CHECK(token_status(false, std::nullopt, now) == TokenStatus::enabled);
}
