// The rotate body (docs/product.md#rotating-a-token) and its rules: the overlap
// choices, reading the body, the expiry rules and the expired-token rule.
#include "shared/token_rotation.h"
#include "shared/calendar.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <string>

using namespace hawzu;
using nlohmann::json;

namespace {

std::string errors_text(const FieldErrors &errors) {
  std::string text;
  for (const FieldError &error : errors) {
    if (!text.empty()) text += " | ";
    text += error.field + ": " + error.message;
  }
  return text;
}

std::string rotate_errors(const std::string &body_text) {
  TokenRotation rotation;
  return errors_text(parse_rotate_request(json::parse(body_text), rotation));
}

const std::int64_t kNow = *parse_rfc3339_utc("2026-01-31T12:00:00Z");

}  // namespace

TEST_CASE("rotation overlaps: wire names, labels and lengths") {
  CHECK(all_rotation_overlaps().size() == 4);
  CHECK(wire_name(RotationOverlap::none) == "none");
  CHECK(wire_name(RotationOverlap::one_hour) == "1h");
  CHECK(wire_name(RotationOverlap::one_day) == "24h");
  CHECK(wire_name(RotationOverlap::one_week) == "7d");
  CHECK(display_name(RotationOverlap::none) == "No overlap");
  CHECK(display_name(RotationOverlap::one_day) == "24 hours");
  for (RotationOverlap overlap : all_rotation_overlaps())
    CHECK(parse_rotation_overlap(wire_name(overlap)) == overlap);
  CHECK_FALSE(parse_rotation_overlap("2h"));
  CHECK_FALSE(parse_rotation_overlap("24H"));
  CHECK_FALSE(previous_value_end(RotationOverlap::none, kNow));
  CHECK(previous_value_end(RotationOverlap::one_hour, kNow) == kNow + 3600);
  CHECK(previous_value_end(RotationOverlap::one_day, kNow) == kNow + 86400);
  CHECK(previous_value_end(RotationOverlap::one_week, kNow) == kNow + 7 * 86400);
}

TEST_CASE("rotate body: overlap required, expiry as in create") {
  TokenRotation rotation;
  CHECK(parse_rotate_request(json::parse(R"({"overlap":"24h"})"), rotation).empty());
  CHECK(rotation.overlap == RotationOverlap::one_day);
  CHECK_FALSE(rotation.expiry);

  REQUIRE(parse_rotate_request(
              json::parse(R"({"overlap":"none","expiry":{"kind":"1y","utc_offset_minutes":60}})"),
              rotation)
              .empty());
  CHECK(rotation.overlap == RotationOverlap::none);
  REQUIRE(rotation.expiry);
  CHECK(rotation.expiry->kind == ExpiryKind::one_year);
  CHECK(rotation.expiry->utc_offset_minutes == 60);

  CHECK(rotate_errors("{}") == "overlap: Overlap is required.");
  CHECK(rotate_errors(R"({"overlap":24})") == "overlap: Must be a string.");
  CHECK(rotate_errors(R"({"overlap":"2h"})") == "overlap: Must be one of: none, 1h, 24h, 7d.");
  CHECK(rotate_errors(R"({"overlap":"1h","name":"x"})") == "name: Unknown field.");
  CHECK(rotate_errors(R"({"overlap":"1h","expiry":null})") == "expiry: Must be an object.");
  CHECK(rotate_errors(R"({"overlap":"1h","expiry":{"kind":"2w"}})") ==
        "expiry.kind: Must be one of: 1w, 1m, 6m, 1y, custom, never.");
  CHECK(rotate_errors(R"({"overlap":"1h","expiry":{"kind":"1w","x":1}})") ==
        "expiry.x: Unknown field.");
  CHECK(rotate_errors("[]") == ": The request body must be a JSON object.");
}

TEST_CASE("rotate rules: a new expiry follows the create rules, and an expired token needs one") {
  TokenRotation rotation;
  rotation.overlap = RotationOverlap::one_hour;
  // The expiry is kept: fine while it has not passed, refused once it has.
  CHECK(validate_rotation(rotation, kNow + 10, kNow).empty());
  CHECK(validate_rotation(rotation, std::nullopt, kNow).empty());
  CHECK(validate_rotation(rotation, kNow, kNow).empty());  // the last valid second
  CHECK(errors_text(validate_rotation(rotation, kNow - 1, kNow)) ==
        "expiry: The token has expired. Choose a new expiry to rotate it.");

  ExpiryChoice past;
  past.kind = ExpiryKind::custom;
  past.custom_date = CivilDate{2026, 1, 30};
  rotation.expiry = past;
  CHECK(errors_text(validate_rotation(rotation, kNow - 1, kNow)) ==
        "expiry.date: Expiry date cannot be in the past.");
  rotation.expiry = ExpiryChoice{};  // 1 Week from now
  CHECK(validate_rotation(rotation, kNow - 1, kNow).empty());
}

TEST_CASE("rotate body as the web app sends it") {
  TokenRotation rotation;
  rotation.overlap = RotationOverlap::one_week;
  CHECK(to_rotate_request(rotation) == json::parse(R"({"overlap":"7d"})"));
  ExpiryChoice expiry;
  expiry.kind = ExpiryKind::never;
  rotation.expiry = expiry;
  const json body = to_rotate_request(rotation);
  CHECK(body["expiry"]["kind"] == "never");
  TokenRotation read;
  CHECK(parse_rotate_request(body, read).empty());
  CHECK(read.overlap == RotationOverlap::one_week);
  CHECK(read.expiry->kind == ExpiryKind::never);
}
