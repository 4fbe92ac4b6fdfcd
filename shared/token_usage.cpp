// A token's usage and its JSON form (token_usage.h).
#include "shared/token_usage.h"

#include "shared/calendar.h"
#include "shared/json_number.h"

#include <nlohmann/json.hpp>

#include <map>

namespace hawzu {

std::int64_t utc_day(std::int64_t unix_seconds) {
  // Floor division: a time before 1970 belongs to a negative day.
  std::int64_t day = unix_seconds / kSecondsPerDay;
  if (unix_seconds % kSecondsPerDay < 0) --day;
  return day;
}

std::vector<DailyUse> usage_window(const std::vector<DailyUse> &counts, std::int64_t today) {
  const std::int64_t first = today - (kUsageDays - 1);
  std::map<std::int64_t, DailyUse> by_day;
  for (const DailyUse &use : counts) {
    if (use.day < first || use.day > today) continue;
    DailyUse &sum = by_day[use.day];
    sum.requests += use.requests;
    sum.errors += use.errors;
  }
  std::vector<DailyUse> window;
  window.reserve(kUsageDays);
  for (std::int64_t day = first; day <= today; ++day) {
    DailyUse use = by_day[day];
    use.day = day;
    window.push_back(use);
  }
  return window;
}

nlohmann::json to_json(const TokenUsage &usage) {
  nlohmann::json recent = nlohmann::json::array();
  for (const TokenCall &call : usage.recent)
    recent.push_back({{"time", format_rfc3339_utc(call.time)},
                      {"method", call.method},
                      {"route", call.route},
                      {"status", call.status},
                      {"ip", call.ip},
                      {"user_agent", call.user_agent}});
  nlohmann::json daily = nlohmann::json::array();
  for (const DailyUse &use : usage.daily)
    daily.push_back({{"date", format_iso_date(civil_from_days(use.day))},
                     {"requests", use.requests},
                     {"errors", use.errors}});
  return {{"recent", recent}, {"daily", daily}};
}

namespace {

bool read_text(const nlohmann::json &object, const char *key, std::string &out) {
  auto it = object.find(key);
  if (it == object.end() || !it->is_string()) return false;
  out = it->get<std::string>();
  return true;
}

bool read_count(const nlohmann::json &object, const char *key, std::int64_t &out) {
  auto it = object.find(key);
  if (it == object.end()) return false;
  std::optional<std::int64_t> value = json_int64(*it);
  if (!value || *value < 0) return false;
  out = *value;
  return true;
}

std::optional<TokenCall> call_from_json(const nlohmann::json &json) {
  if (!json.is_object()) return std::nullopt;
  TokenCall call;
  std::string time;
  std::int64_t status = 0;
  if (!read_text(json, "time", time) || !read_text(json, "method", call.method) ||
      !read_text(json, "route", call.route) || !read_count(json, "status", status) ||
      !read_text(json, "ip", call.ip) || !read_text(json, "user_agent", call.user_agent))
    return std::nullopt;
  std::optional<std::int64_t> parsed = parse_rfc3339_utc(time);
  if (!parsed || status > 999) return std::nullopt;
  call.time = *parsed;
  call.status = static_cast<int>(status);
  return call;
}

std::optional<DailyUse> daily_from_json(const nlohmann::json &json) {
  if (!json.is_object()) return std::nullopt;
  DailyUse use;
  std::string date;
  if (!read_text(json, "date", date) || !read_count(json, "requests", use.requests) ||
      !read_count(json, "errors", use.errors))
    return std::nullopt;
  std::optional<CivilDate> parsed = parse_iso_date(date);
  if (!parsed) return std::nullopt;
  use.day = days_from_civil(*parsed);
  return use;
}

}  // namespace

std::optional<TokenUsage> token_usage_from_json(const nlohmann::json &json) {
  if (!json.is_object()) return std::nullopt;
  auto recent = json.find("recent");
  auto daily = json.find("daily");
  if (recent == json.end() || !recent->is_array() || daily == json.end() || !daily->is_array())
    return std::nullopt;
  TokenUsage usage;
  for (const nlohmann::json &item : *recent) {
    std::optional<TokenCall> call = call_from_json(item);
    if (!call) return std::nullopt;
    usage.recent.push_back(std::move(*call));
  }
  for (const nlohmann::json &item : *daily) {
    std::optional<DailyUse> use = daily_from_json(item);
    if (!use) return std::nullopt;
    usage.daily.push_back(*use);
  }
  return usage;
}

}  // namespace hawzu
