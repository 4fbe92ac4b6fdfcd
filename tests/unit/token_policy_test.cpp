// The workspace token policy (docs/product.md#token-policy): reading the PUT body, the
// expiry rules that create, edit and rotate share, the Expires soon window, the due
// reminder and the auto-disable cutoff.
#include "shared/token_policy.h"

#include "shared/access_token_request.h"
#include "shared/calendar.h"
#include "shared/token_rotation.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <string>

using namespace hawzu;
using nlohmann::json;

namespace {

const std::int64_t kNow = *parse_rfc3339_utc("2026-01-31T12:00:00Z");
constexpr std::int64_t kDay = 86400;

std::string fields(const FieldErrors &errors) {
  std::string text;
  for (const FieldError &error : errors) text += (text.empty() ? "" : ",") + error.field;
  return text;
}

TokenPolicy thirty_days() {
  TokenPolicy policy;
  policy.max_lifetime_days = 30;
  return policy;
}

AccessTokenDraft draft_with(ExpiryChoice expiry) {
  AccessTokenDraft draft;
  draft.name = "CI";
  draft.access_type = AccessType::workspace;
  draft.workspace_role = WorkspaceRole::member;
  draft.expiry = expiry;
  return draft;
}

}  // namespace

TEST_CASE("A policy body needs all four members and checks each", "[token_policy]") {
  TokenPolicy policy;
  CHECK(parse_token_policy(json::parse(R"({"max_lifetime_days":90,"allow_never_expires":false,
        "disable_after_unused_days":null,"expiry_warning_days":[1,14,7]})"),
                           policy)
            .empty());
  CHECK(policy.max_lifetime_days == 90);
  CHECK_FALSE(policy.allow_never_expires);
  CHECK_FALSE(policy.disable_after_unused_days);
  CHECK(policy.expiry_warning_days == std::vector<int>{14, 7, 1});

  CHECK(fields(parse_token_policy(json::object(), policy)) ==
        "max_lifetime_days,allow_never_expires,disable_after_unused_days,expiry_warning_days");
  CHECK(fields(parse_token_policy(json::parse(R"({"max_lifetime_days":3651,
        "allow_never_expires":1,"disable_after_unused_days":0,
        "expiry_warning_days":[3,3,"x"],"other":true})"),
                                  policy)) ==
        "other,max_lifetime_days,allow_never_expires,disable_after_unused_days,"
        "expiry_warning_days[1],expiry_warning_days[2]");
  CHECK(fields(parse_token_policy(json::parse(R"({"max_lifetime_days":1.5,
        "allow_never_expires":true,"disable_after_unused_days":null,
        "expiry_warning_days":[1,2,3,4,5,6]})"),
                                  policy)) == "max_lifetime_days,expiry_warning_days");
  CHECK(fields(parse_token_policy(json::array(), policy)) == "");
  CHECK(parse_token_policy(json::array(), policy).size() == 1);
}

TEST_CASE("A policy round-trips through its JSON", "[token_policy]") {
  TokenPolicy policy = thirty_days();
  policy.disable_after_unused_days = 60;
  policy.expiry_warning_days = {};
  CHECK(token_policy_from_json(to_json(policy)) == policy);
  CHECK(to_json(TokenPolicy{}) == json::parse(R"({"max_lifetime_days":null,
        "allow_never_expires":true,"disable_after_unused_days":null,"expiry_warning_days":[7,1]})"));
  CHECK_FALSE(token_policy_from_json(json::parse(R"({"max_lifetime_days":null})")));
}

TEST_CASE("The default policy allows every expiry choice", "[token_policy]") {
  for (ExpiryKind kind : all_expiry_kinds())
    CHECK(expiry_kind_allowed(TokenPolicy{}, kind, kNow, 0));
  CHECK(latest_allowed_custom_date(TokenPolicy{}, kNow, 0) == latest_custom_date());
  CHECK_FALSE(expiry_policy_note(TokenPolicy{}));
}

TEST_CASE("A maximum lifetime hides longer choices and Never, and clamps the date",
          "[token_policy]") {
  const TokenPolicy policy = thirty_days();
  CHECK(expiry_kind_allowed(policy, ExpiryKind::one_week, kNow, 0));
  // From 31 January a calendar month is 28 days: it fits 30 days today, not in March.
  CHECK(expiry_kind_allowed(policy, ExpiryKind::one_month, kNow, 0));
  CHECK_FALSE(expiry_kind_allowed(policy, ExpiryKind::one_month,
                                  *parse_rfc3339_utc("2026-03-01T12:00:00Z"), 0));
  CHECK_FALSE(expiry_kind_allowed(policy, ExpiryKind::six_months, kNow, 0));
  CHECK_FALSE(expiry_kind_allowed(policy, ExpiryKind::one_year, kNow, 0));
  CHECK_FALSE(expiry_kind_allowed(policy, ExpiryKind::never, kNow, 0));
  CHECK(expiry_kind_allowed(policy, ExpiryKind::custom, kNow, 0));
  // 30 days from 2026-01-31T12:00Z is 2026-03-02T12:00Z: the last whole day is 1 March
  // in UTC; at UTC-10:00 it is still 2 March locally until 22:00 UTC, so 1 March too;
  // at UTC+14:00 the limit falls on 3 March 02:00 local, so 2 March ends in time.
  CHECK(latest_allowed_custom_date(policy, kNow, 0) == CivilDate{2026, 3, 1});
  CHECK(latest_allowed_custom_date(policy, kNow, -600) == CivilDate{2026, 3, 1});
  CHECK(latest_allowed_custom_date(policy, kNow, 840) == CivilDate{2026, 3, 2});
  REQUIRE(expiry_policy_note(policy));
  CHECK(expiry_policy_note(policy)->find("30 days") != std::string::npos);

  TokenPolicy one_day;
  one_day.max_lifetime_days = 1;
  CHECK(!(latest_allowed_custom_date(one_day, kNow, 0) < earliest_custom_date(kNow, 0)));
}

TEST_CASE("Never Expires can be ruled out alone", "[token_policy]") {
  TokenPolicy policy;
  policy.allow_never_expires = false;
  CHECK_FALSE(expiry_kind_allowed(policy, ExpiryKind::never, kNow, 0));
  CHECK(expiry_kind_allowed(policy, ExpiryKind::one_year, kNow, 0));
  CHECK(expiry_policy_problem(policy, std::nullopt, kNow));
  CHECK_FALSE(expiry_policy_problem(policy, kNow + 400 * kDay, kNow));
}

TEST_CASE("Create validation reports a policy breach on the expiry field", "[token_policy]") {
  ValidationContext context{WorkspaceRole::owner, kNow, thirty_days()};
  CHECK(fields(validate_access_token_draft(draft_with({ExpiryKind::never, {}, 0}), context)) ==
        "expiry");
  CHECK(fields(validate_access_token_draft(draft_with({ExpiryKind::one_year, {}, 0}), context)) ==
        "expiry");
  CHECK(validate_access_token_draft(draft_with({ExpiryKind::one_week, {}, 0}), context).empty());
  CHECK(fields(validate_access_token_draft(
            draft_with({ExpiryKind::custom, CivilDate{2026, 3, 2}, 0}), context)) == "expiry");
  CHECK(validate_access_token_draft(draft_with({ExpiryKind::custom, CivilDate{2026, 3, 1}, 0}),
                                    context)
            .empty());
  // An expiry that is wrong in itself is reported as such, not as a policy breach.
  CHECK(fields(validate_access_token_draft(
            draft_with({ExpiryKind::custom, CivilDate{2020, 1, 1}, 0}), context)) == "expiry.date");
  REQUIRE(first_blocking_reason(draft_with({ExpiryKind::never, {}, 0}), context));
}

TEST_CASE("Rotation obeys the policy whether it keeps the expiry or sets one", "[token_policy]") {
  TokenRotation keep;
  keep.overlap = RotationOverlap::none;
  CHECK(fields(validate_rotation(keep, std::nullopt, kNow, thirty_days())) == "expiry");
  CHECK(fields(validate_rotation(keep, kNow + 90 * kDay, kNow, thirty_days())) == "expiry");
  CHECK(validate_rotation(keep, kNow + 10 * kDay, kNow, thirty_days()).empty());
  CHECK(validate_rotation(keep, std::nullopt, kNow).empty());
  TokenRotation fresh = keep;
  fresh.expiry = ExpiryChoice{ExpiryKind::one_week, {}, 0};
  CHECK(validate_rotation(fresh, std::nullopt, kNow, thirty_days()).empty());
  fresh.expiry = ExpiryChoice{ExpiryKind::six_months, {}, 0};
  CHECK(fields(validate_rotation(fresh, std::nullopt, kNow, thirty_days())) == "expiry");
}

TEST_CASE("Expires soon is the first warning window, before expiry", "[token_policy]") {
  TokenPolicy policy;  // warnings at 7 and 1 days
  CHECK(expiry_warning_window_days(policy) == 7);
  CHECK(expires_soon(policy, kNow + 7 * kDay, kNow));
  CHECK_FALSE(expires_soon(policy, kNow + 7 * kDay + 1, kNow));
  CHECK(expires_soon(policy, kNow, kNow));  // its last valid second
  CHECK_FALSE(expires_soon(policy, kNow - 1, kNow));
  CHECK_FALSE(expires_soon(policy, std::nullopt, kNow));
  policy.expiry_warning_days = {};
  CHECK_FALSE(expires_soon(policy, kNow + kDay, kNow));
}

TEST_CASE("The due reminder is the smallest window that has begun", "[token_policy]") {
  TokenPolicy policy;
  policy.expiry_warning_days = {14, 7, 1};
  CHECK_FALSE(due_expiry_warning(policy, kNow + 20 * kDay, kNow));
  CHECK(due_expiry_warning(policy, kNow + 10 * kDay, kNow) == 14);
  CHECK(due_expiry_warning(policy, kNow + 7 * kDay, kNow) == 7);
  CHECK(due_expiry_warning(policy, kNow + kDay / 2, kNow) == 1);
  CHECK_FALSE(due_expiry_warning(policy, kNow - 1, kNow));
}

TEST_CASE("The unused cutoff counts whole days back", "[token_policy]") {
  TokenPolicy policy;
  CHECK_FALSE(unused_cutoff(policy, kNow));
  policy.disable_after_unused_days = 30;
  CHECK(unused_cutoff(policy, kNow) == kNow - 30 * kDay);
}
