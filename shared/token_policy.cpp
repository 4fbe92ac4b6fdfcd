// The workspace token policy and its rules (token_policy.h).
#include "shared/token_policy.h"

#include "shared/json_number.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <functional>
#include <string_view>

namespace hawzu {
namespace {

constexpr std::string_view kDayCountMessage = "Must be a whole number of days from 1 to 3650.";

std::int64_t days_to_seconds(int days) {
  return static_cast<std::int64_t>(days) * kSecondsPerDay;
}

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  std::int64_t q = a / b;
  if (a % b != 0 && (a < 0) != (b < 0)) --q;
  return q;
}

std::optional<int> read_day_count(const nlohmann::json &value) {
  std::optional<std::int64_t> number = json_int64(value);
  if (!number || *number < 1 || *number > kMaxPolicyDays) return std::nullopt;
  return static_cast<int>(*number);
}

// A member that is a day count or null.
void read_optional_days(const nlohmann::json &body, const char *name, std::optional<int> &out,
                        FieldErrors &errors) {
  auto member = body.find(name);
  if (member == body.end()) {
    errors.push_back({name, "Required (a number of days, or null for no limit)."});
  } else if (!member->is_null()) {
    out = read_day_count(*member);
    if (!out) errors.push_back({name, std::string(kDayCountMessage)});
  }
}

void read_warning_days(const nlohmann::json &body, std::vector<int> &out, FieldErrors &errors) {
  auto member = body.find("expiry_warning_days");
  if (member == body.end()) {
    errors.push_back({"expiry_warning_days", "Required (an array of day counts, may be empty)."});
    return;
  }
  if (!member->is_array()) {
    errors.push_back({"expiry_warning_days", "Must be an array of day counts."});
    return;
  }
  if (member->size() > kMaxWarningDays) {
    errors.push_back({"expiry_warning_days", "At most 5 warning days."});
    return;
  }
  out.clear();
  for (std::size_t i = 0; i < member->size(); ++i) {
    const std::string field = "expiry_warning_days[" + std::to_string(i) + "]";
    std::optional<int> days = read_day_count((*member)[i]);
    if (!days)
      errors.push_back({field, std::string(kDayCountMessage)});
    else if (std::find(out.begin(), out.end(), *days) != out.end())
      errors.push_back({field, "This day count is already in the list."});
    else
      out.push_back(*days);
  }
  std::sort(out.begin(), out.end(), std::greater<int>());
}

}  // namespace

bool TokenPolicy::operator==(const TokenPolicy &other) const {
  return max_lifetime_days == other.max_lifetime_days &&
         allow_never_expires == other.allow_never_expires &&
         disable_after_unused_days == other.disable_after_unused_days &&
         expiry_warning_days == other.expiry_warning_days;
}

FieldErrors parse_token_policy(const nlohmann::json &body, TokenPolicy &policy) {
  FieldErrors errors;
  if (!body.is_object()) {
    errors.push_back({"", "The request body must be a JSON object."});
    return errors;
  }
  static const std::vector<std::string> kKnown = {"max_lifetime_days", "allow_never_expires",
                                                  "disable_after_unused_days",
                                                  "expiry_warning_days"};
  for (auto it = body.begin(); it != body.end(); ++it)
    if (std::find(kKnown.begin(), kKnown.end(), it.key()) == kKnown.end())
      errors.push_back({it.key(), "Unknown field."});

  policy = TokenPolicy{};
  read_optional_days(body, "max_lifetime_days", policy.max_lifetime_days, errors);
  if (auto never = body.find("allow_never_expires"); never == body.end())
    errors.push_back({"allow_never_expires", "Required (true or false)."});
  else if (!never->is_boolean())
    errors.push_back({"allow_never_expires", "Must be true or false."});
  else
    policy.allow_never_expires = never->get<bool>();
  read_optional_days(body, "disable_after_unused_days", policy.disable_after_unused_days, errors);
  read_warning_days(body, policy.expiry_warning_days, errors);
  return errors;
}

nlohmann::json to_json(const TokenPolicy &policy) {
  auto days = [](const std::optional<int> &value) {
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
  };
  return {{"max_lifetime_days", days(policy.max_lifetime_days)},
          {"allow_never_expires", policy.allow_never_expires},
          {"disable_after_unused_days", days(policy.disable_after_unused_days)},
          {"expiry_warning_days", policy.expiry_warning_days}};
}

std::optional<TokenPolicy> token_policy_from_json(const nlohmann::json &json) {
  TokenPolicy policy;
  if (!parse_token_policy(json, policy).empty()) return std::nullopt;
  return policy;
}

std::optional<std::int64_t> latest_allowed_expiry(const TokenPolicy &policy,
                                                  std::int64_t now_unix) {
  if (!policy.max_lifetime_days) return std::nullopt;
  return now_unix + days_to_seconds(*policy.max_lifetime_days);
}

bool expiry_kind_allowed(const TokenPolicy &policy, ExpiryKind kind, std::int64_t now_unix,
                         int utc_offset_minutes) {
  if (kind == ExpiryKind::custom) return true;
  const ExpiryChoice choice{kind, std::nullopt, utc_offset_minutes};
  return !expiry_policy_problem(policy, compute_expires_at(choice, now_unix), now_unix);
}

CivilDate latest_allowed_custom_date(const TokenPolicy &policy, std::int64_t now_unix,
                                     int utc_offset_minutes) {
  std::optional<std::int64_t> limit = latest_allowed_expiry(policy, now_unix);
  if (!limit) return latest_custom_date();
  // The last local day whose final second (23:59:59 local) is not after the limit.
  const std::int64_t local_limit = *limit + static_cast<std::int64_t>(utc_offset_minutes) * 60;
  const CivilDate date =
      civil_from_days(floor_div(local_limit - (kSecondsPerDay - 1), kSecondsPerDay));
  return latest_custom_date() < date ? latest_custom_date() : date;
}

std::optional<std::string> expiry_policy_problem(const TokenPolicy &policy,
                                                 std::optional<std::int64_t> expires_at,
                                                 std::int64_t now_unix) {
  // A maximum lifetime is a limit on every value, so it rules out Never as well.
  if (!expires_at && (!policy.allow_never_expires || policy.max_lifetime_days))
    return std::string("This workspace's token policy does not allow tokens that never expire.");
  std::optional<std::int64_t> limit = latest_allowed_expiry(policy, now_unix);
  if (expires_at && limit && *expires_at > *limit) {
    const int days = *policy.max_lifetime_days;
    return "This workspace's token policy allows tokens for at most " + std::to_string(days) +
           (days == 1 ? " day." : " days.");
  }
  return std::nullopt;
}

std::optional<std::string> expiry_policy_note(const TokenPolicy &policy) {
  if (policy.max_lifetime_days) {
    const int days = *policy.max_lifetime_days;
    return "Your workspace's token policy: tokens last at most " + std::to_string(days) +
           (days == 1 ? " day" : " days") + ", and Never Expires is not allowed.";
  }
  if (!policy.allow_never_expires)
    return std::string("Your workspace's token policy does not allow Never Expires.");
  return std::nullopt;
}

int expiry_warning_window_days(const TokenPolicy &policy) {
  int largest = 0;
  for (int days : policy.expiry_warning_days) largest = std::max(largest, days);
  return largest;
}

bool expires_soon(const TokenPolicy &policy, std::optional<std::int64_t> expires_at,
                  std::int64_t now_unix) {
  const int window = expiry_warning_window_days(policy);
  return expires_at && window > 0 && !is_expired(expires_at, now_unix) &&
         *expires_at - now_unix <= days_to_seconds(window);
}

std::optional<int> due_expiry_warning(const TokenPolicy &policy, std::int64_t expires_at,
                                      std::int64_t now_unix) {
  if (is_expired(expires_at, now_unix)) return std::nullopt;
  std::optional<int> due;
  for (int days : policy.expiry_warning_days)
    if (expires_at - now_unix <= days_to_seconds(days) && (!due || days < *due)) due = days;
  return due;
}

std::optional<std::int64_t> unused_cutoff(const TokenPolicy &policy, std::int64_t now_unix) {
  if (!policy.disable_after_unused_days) return std::nullopt;
  return now_unix - days_to_seconds(*policy.disable_after_unused_days);
}

}  // namespace hawzu
