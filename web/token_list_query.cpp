#include "web/token_list_query.h"

#include "shared/token_sort.h"
#include "web/token_labels.h"
#include "web/url_query.h"

#include "shared/token_format.h"

namespace hawzu {

std::string to_query_string(const TokenListQuery &query, const std::string &cursor) {
  std::string text = "limit=" + std::to_string(kTokenPageSize);
  const auto add = [&](const char *name, const std::string &value) {
    text += std::string("&") + name + "=" + percent_encode(value);
  };
  std::string search = trim_token_name(query.search);
  // A pasted full token is searched by its public identifier: the secret never goes
  // into a URL (which proxies, logs and the browser's history keep).
  if (is_well_formed_token(search)) search = token_identifier(search);
  if (!search.empty()) add("q", search);
  if (query.access_type) add("access_type", std::string(wire_name(*query.access_type)));
  if (query.status) add("status", std::string(wire_name(*query.status)));
  if (query.created_by) add("created_by", std::to_string(*query.created_by));
  if (query.created.from) add("created_from", local_instant(*query.created.from, false));
  if (query.created.to) add("created_to", local_instant(*query.created.to, true));
  if (query.expires.from) add("expires_from", local_instant(*query.expires.from, false));
  if (query.expires.to) add("expires_to", local_instant(*query.expires.to, true));
  add("sort", std::string(wire_name(query.sort)));
  add("order", std::string(sort_order_wire_name(query.descending)));
  if (!cursor.empty()) add("cursor", cursor);
  return text;
}

}  // namespace hawzu
