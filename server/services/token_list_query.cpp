#include "services/token_list_query.h"

#include "services/list_cursor.h"
#include "services/query_params.h"
#include "shared/calendar.h"
#include "shared/decimal.h"
#include "shared/token_format.h"
#include "shared/token_sort.h"

#include <set>

namespace hawzu::server {
namespace {

const std::set<std::string> kKnownParameters = {
    "q",          "access_type",  "status",     "created_by", "created_from",
    "created_to", "expires_from", "expires_to", "sort",       "order",
    "limit",      "cursor"};

}  // namespace

Result<TokenListFilter> parse_token_list_query(
    const std::multimap<std::string, std::string> &params) {
  TokenListFilter filter;
  FieldErrors errors = check_query_parameters(params, kKnownParameters);
  auto value_of = [&params](const char *name) { return query_value(params, name); };

  if (auto q = value_of("q")) {
    std::string_view text = *q;
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    // A whole token pasted into search has already travelled in a URL (and so maybe
    // into logs and history); say so, and never search with it.
    if (is_well_formed_token(text))
      errors.push_back({"q",
                        "This is a whole access token, not a search: search by identifier "
                        "(hwz_ and the 8 characters after it) instead."});
    else if (q->size() > kMaxSearchLength)
      errors.push_back({"q", "Search text must be at most " + std::to_string(kMaxSearchLength) +
                                 " characters."});
    else
      filter.search = *q;
  }
  if (auto text = value_of("access_type")) {
    filter.access_type = parse_access_type(*text);
    if (!filter.access_type)
      errors.push_back({"access_type", "Must be one of: workspace, project."});
  }
  if (auto text = value_of("status")) {
    // expiring_soon is a filter, not a status: the tokens it selects are enabled.
    if (*text == "expiring_soon")
      filter.expiring_soon = true;
    else if (!(filter.status = parse_token_status(*text)))
      errors.push_back({"status", "Must be one of: enabled, disabled, expired, expiring_soon."});
  }
  if (auto text = value_of("created_by")) {
    filter.created_by = parse_positive_decimal(*text);
    if (!filter.created_by) errors.push_back({"created_by", "Must be a user id."});
  }
  struct Bound {
    const char *name;
    bool end_of_day;
    std::optional<std::int64_t> &target;
  };
  for (Bound bound : {Bound{"created_from", false, filter.created_from},
                      Bound{"created_to", true, filter.created_to},
                      Bound{"expires_from", false, filter.expires_from},
                      Bound{"expires_to", true, filter.expires_to}}) {
    if (auto text = value_of(bound.name)) {
      bound.target = parse_date_or_time(*text, bound.end_of_day);
      if (!bound.target) errors.push_back({bound.name, kDateOrTimeMessage});
    }
  }
  if (filter.created_from && filter.created_to && *filter.created_to < *filter.created_from)
    errors.push_back({"created_to", "Must not be before created_from."});
  if (filter.expires_from && filter.expires_to && *filter.expires_to < *filter.expires_from)
    errors.push_back({"expires_to", "Must not be before expires_from."});

  if (auto text = value_of("sort")) {
    std::optional<TokenSort> sort = parse_token_sort(*text);
    if (sort)
      filter.sort = *sort;
    else
      errors.push_back({"sort", token_sort_values_message()});
  }
  if (auto text = value_of("order")) {
    if (std::optional<bool> descending = parse_sort_order_descending(*text))
      filter.descending = *descending;
    else
      errors.push_back({"order", "Must be asc or desc."});
  }
  filter.limit = kDefaultListLimit;
  read_limit(params, kMaxListLimit, filter.limit, errors);
  if (auto text = value_of("cursor")) {
    filter.after = decode_list_cursor(*text, filter.sort, filter.descending);
    if (!filter.after)
      errors.push_back(
          {"cursor", "Not a cursor of this list; use next_cursor with the same sort and order."});
  }
  if (!errors.empty()) return invalid_query(std::move(errors));
  return filter;
}

}  // namespace hawzu::server
