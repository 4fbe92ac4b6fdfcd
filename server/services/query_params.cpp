#include "services/query_params.h"

#include "shared/calendar.h"
#include "shared/decimal.h"

namespace hawzu::server {

FieldErrors check_query_parameters(const QueryParams &params, const std::set<std::string> &known) {
  FieldErrors errors;
  for (auto it = params.begin(); it != params.end(); it = params.upper_bound(it->first)) {
    if (!known.count(it->first))
      errors.push_back({it->first, "Unknown query parameter."});
    else if (params.count(it->first) > 1)
      errors.push_back({it->first, "Give this parameter at most once."});
  }
  return errors;
}

std::optional<std::string> query_value(const QueryParams &params, const std::string &name) {
  auto it = params.find(name);
  if (it == params.end()) return std::nullopt;
  return it->second;
}

void read_limit(const QueryParams &params, int max, int &limit, FieldErrors &errors) {
  std::optional<std::string> text = query_value(params, "limit");
  if (!text) return;
  if (std::optional<std::int64_t> value = parse_positive_decimal(*text, max))
    limit = static_cast<int>(*value);
  else
    errors.push_back({"limit", "Must be a whole number from 1 to " + std::to_string(max) + "."});
}

std::optional<std::int64_t> parse_date_or_time(std::string_view text, bool end_of_day) {
  if (text.size() == 10) {
    std::optional<CivilDate> date = parse_iso_date(text);
    if (!date) return std::nullopt;
    const std::int64_t start = days_from_civil(*date) * kSecondsPerDay;
    return end_of_day ? start + kSecondsPerDay - 1 : start;
  }
  return parse_rfc3339(text);
}

}  // namespace hawzu::server
