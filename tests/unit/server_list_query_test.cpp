// The access-token list's query parameters and its opaque cursor.
#include "services/list_cursor.h"
#include "services/token_list_query.h"
#include "shared/calendar.h"

#include <catch2/catch.hpp>

using namespace hawzu;
using namespace hawzu::server;

namespace {

using Params = std::multimap<std::string, std::string>;

std::vector<std::string> error_fields(const Result<TokenListFilter> &result) {
  std::vector<std::string> fields;
  if (result.ok()) return fields;
  for (const FieldError &error : result.error().errors) fields.push_back(error.field);
  return fields;
}

}  // namespace

TEST_CASE("no parameters: newest first, 50 per page") {
  Result<TokenListFilter> result = parse_token_list_query({});
  REQUIRE(result.ok());
  CHECK(result.value().sort == TokenSort::created_at);
  CHECK(result.value().descending);
  CHECK(result.value().limit == 50);
  CHECK_FALSE(result.value().after);
}

TEST_CASE("every parameter is read") {
  Result<TokenListFilter> result = parse_token_list_query(Params{
      {"q", "ci"},
      {"access_type", "project"},
      {"status", "expired"},
      {"created_by", "7"},
      {"created_from", "2026-01-01"},
      {"created_to", "2026-01-31"},
      {"expires_from", "2026-02-01T00:00:00Z"},
      {"expires_to", "2026-02-01T12:00:00+02:00"},
      {"sort", "name"},
      {"order", "asc"},
      {"limit", "100"},
  });
  REQUIRE(result.ok());
  const TokenListFilter &filter = result.value();
  CHECK(filter.search == "ci");
  CHECK(filter.access_type == AccessType::project);
  CHECK(filter.status == TokenStatus::expired);
  CHECK(filter.created_by == 7);
  CHECK(filter.created_from == *parse_rfc3339_utc("2026-01-01T00:00:00Z"));
  CHECK(filter.created_to == *parse_rfc3339_utc("2026-01-31T23:59:59Z"));
  CHECK(filter.expires_from == *parse_rfc3339_utc("2026-02-01T00:00:00Z"));
  CHECK(filter.expires_to == *parse_rfc3339_utc("2026-02-01T10:00:00Z"));
  CHECK(filter.sort == TokenSort::name);
  CHECK_FALSE(filter.descending);
  CHECK(filter.limit == 100);
}

TEST_CASE("bad values are field errors, all reported at once") {
  Result<TokenListFilter> result = parse_token_list_query(Params{
      {"access_type", "both"},
      {"status", "revoked"},
      {"created_by", "me"},
      {"created_from", "2026-02-30"},
      {"created_to", "yesterday"},
      {"expires_from", "2026-01-01T25:00:00Z"},
      {"expires_to", "2026-01-01 10:00:00"},
      {"sort", "secret"},
      {"order", "up"},
      {"limit", "0"},
      {"cursor", "!!!"},
      {"colour", "red"},
  });
  REQUIRE_FALSE(result.ok());
  CHECK(result.error().code == "validation_failed");
  std::vector<std::string> fields = error_fields(result);
  for (const char *field :
       {"access_type", "status", "created_by", "created_from", "created_to", "expires_from",
        "expires_to", "sort", "order", "limit", "cursor", "colour"})
    CHECK(std::find(fields.begin(), fields.end(), field) != fields.end());
}

TEST_CASE("limits outside 1..100 are refused") {
  for (const char *limit : {"0", "101", "-1", "1.5", "", "050", "99999999999999999999"})
    CHECK(error_fields(parse_token_list_query(Params{{"limit", limit}})) ==
          std::vector<std::string>{"limit"});
  CHECK(parse_token_list_query(Params{{"limit", "1"}}).ok());
}

TEST_CASE("a parameter given twice is refused") {
  CHECK(error_fields(parse_token_list_query(Params{
            {"status", "enabled"}, {"status", "disabled"}})) == std::vector<std::string>{"status"});
}

TEST_CASE("ranges must not end before they start") {
  CHECK(error_fields(parse_token_list_query(
            Params{{"created_from", "2026-03-02"}, {"created_to", "2026-03-01"}})) ==
        std::vector<std::string>{"created_to"});
  CHECK(error_fields(parse_token_list_query(
            Params{{"expires_from", "2026-03-02"}, {"expires_to", "2026-03-01"}})) ==
        std::vector<std::string>{"expires_to"});
  CHECK(parse_token_list_query(Params{{"created_from", "2026-03-01"}, {"created_to", "2026-03-01"}})
            .ok());
}

TEST_CASE("dates and RFC 3339 times") {
  CHECK(parse_date_or_time("2026-01-31", false) == *parse_rfc3339_utc("2026-01-31T00:00:00Z"));
  CHECK(parse_date_or_time("2026-01-31", true) == *parse_rfc3339_utc("2026-01-31T23:59:59Z"));
  CHECK(parse_date_or_time("2026-01-31T10:20:30Z", false) ==
        *parse_rfc3339_utc("2026-01-31T10:20:30Z"));
  CHECK(parse_date_or_time("2026-01-31t10:20:30.123456z", false) ==
        *parse_rfc3339_utc("2026-01-31T10:20:30Z"));
  CHECK(parse_date_or_time("2026-01-31T10:20:30-05:30", false) ==
        *parse_rfc3339_utc("2026-01-31T15:50:30Z"));
  CHECK(parse_date_or_time("2026-12-31T23:59:60Z", false) ==
        *parse_rfc3339_utc("2026-12-31T23:59:59Z"));
  for (const char *bad :
       {"", "2026-1-31", "2026-01-31T10:20Z", "2026-01-31T10:20:30", "2026-01-31T10:20:30+0530",
        "2026-01-31T10:20:30.Z", "2026-01-31T24:00:00Z", "2026-01-31T10:20:30+24:00", "31/01/2026"})
    CHECK_FALSE(parse_date_or_time(bad, false));
}

TEST_CASE("a cursor round-trips and is URL-safe") {
  ListPosition text_position{std::string("ci \"runner\" ü"), 42};
  std::string cursor = encode_list_cursor(TokenSort::name, false, text_position);
  CHECK(cursor.find_first_not_of(
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") ==
        std::string::npos);
  std::optional<ListPosition> decoded = decode_list_cursor(cursor, TokenSort::name, false);
  REQUIRE(decoded);
  CHECK(std::get<std::string>(decoded->sort_value) == "ci \"runner\" ü");
  CHECK(decoded->id == 42);

  ListPosition time_position{std::int64_t{1767225600}, 7};
  cursor = encode_list_cursor(TokenSort::created_at, true, time_position);
  decoded = decode_list_cursor(cursor, TokenSort::created_at, true);
  REQUIRE(decoded);
  CHECK(std::get<std::int64_t>(decoded->sort_value) == 1767225600);
  CHECK(decoded->id == 7);
}

TEST_CASE("a cursor only continues the sort and order it came from") {
  std::string cursor = encode_list_cursor(TokenSort::name, false, {std::string("a"), 1});
  CHECK_FALSE(decode_list_cursor(cursor, TokenSort::name, true));
  CHECK_FALSE(decode_list_cursor(cursor, TokenSort::created_at, false));
  CHECK(error_fields(parse_token_list_query(Params{{"cursor", cursor}})) ==
        std::vector<std::string>{"cursor"});
  CHECK(
      parse_token_list_query(Params{{"cursor", cursor}, {"sort", "name"}, {"order", "asc"}}).ok());
}

TEST_CASE("garbage and tampered cursors are refused") {
  for (const char *bad : {"", "x", "!!!!", "WyJuYW1lIl0", "bnVsbA", "W10"})
    CHECK_FALSE(decode_list_cursor(bad, TokenSort::name, false));
  CHECK_FALSE(decode_list_cursor(std::string(2000, 'A'), TokenSort::name, false));
  // The right shape with the wrong value type for the sort.
  std::string cursor = encode_list_cursor(TokenSort::created_at, true, {std::string("x"), 1});
  CHECK_FALSE(decode_list_cursor(cursor, TokenSort::created_at, true));
}
