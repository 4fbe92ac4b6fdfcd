#include "services/audit_query.h"

#include "services/audit_actions.h"
#include "services/id_cursor.h"
#include "services/token_list_query.h"
#include "shared/decimal.h"

namespace hawzu::server {

Result<AuditFilter> parse_audit_query(const QueryParams &params, AuditQueryKind kind) {
  std::set<std::string> known = {"token_id", "actor_id", "action", "from", "to"};
  if (kind == AuditQueryKind::page) known.insert({"limit", "cursor"});
  FieldErrors errors = check_query_parameters(params, known);
  AuditFilter filter;
  filter.actions = audit_api_stored_names();

  if (auto text = query_value(params, "token_id")) {
    filter.token_id = parse_positive_decimal(*text);
    if (!filter.token_id) errors.push_back({"token_id", "Must be an access token id."});
  }
  if (auto text = query_value(params, "actor_id")) {
    filter.actor_user_id = parse_positive_decimal(*text);
    if (!filter.actor_user_id) errors.push_back({"actor_id", "Must be a user id."});
  }
  if (auto text = query_value(params, "action")) {
    if (std::optional<std::string_view> stored = audit_action_stored_name(*text))
      filter.actions = {std::string(*stored)};
    else
      errors.push_back({"action", audit_action_values_message()});
  }
  if (auto text = query_value(params, "from")) {
    filter.from = parse_date_or_time(*text, false);
    if (!filter.from) errors.push_back({"from", kDateOrTimeMessage});
  }
  if (auto text = query_value(params, "to")) {
    filter.to = parse_date_or_time(*text, true);
    if (!filter.to) errors.push_back({"to", kDateOrTimeMessage});
  }
  if (filter.from && filter.to && *filter.to < *filter.from)
    errors.push_back({"to", "Must not be before from."});

  filter.limit = kDefaultListLimit;
  read_limit(params, kMaxListLimit, filter.limit, errors);
  if (auto text = query_value(params, "cursor")) {
    filter.before_id = decode_id_cursor(*text);
    if (!filter.before_id)
      errors.push_back({"cursor", "Not a cursor of this list; use next_cursor as returned."});
  }
  if (!errors.empty()) return invalid_query(std::move(errors));
  return filter;
}

}  // namespace hawzu::server
