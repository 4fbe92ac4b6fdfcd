#include "services/list_cursor.h"

#include "shared/json_number.h"
#include "shared/token_sort.h"
#include "util/base64url.h"

#include <nlohmann/json.hpp>

namespace hawzu::server {
namespace {

std::string order_name(bool descending) {
  return std::string(sort_order_wire_name(descending));
}

}  // namespace

std::string encode_list_cursor(TokenSort sort, bool descending, const ListPosition &position) {
  nlohmann::json value = position.sort_value.index() == 0
                             ? nlohmann::json(std::get<std::int64_t>(position.sort_value))
                             : nlohmann::json(std::get<std::string>(position.sort_value));
  const std::string text =
      nlohmann::json::array(
          {std::string(wire_name(sort)), std::string(order_name(descending)), value, position.id})
          .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return encode_base64url(text);
}

std::optional<ListPosition> decode_list_cursor(std::string_view text, TokenSort sort,
                                               bool descending) {
  if (text.empty() || text.size() > kMaxCursorLength) return std::nullopt;
  std::optional<std::string> bytes = decode_base64url(text);
  if (!bytes) return std::nullopt;
  nlohmann::json parsed = nlohmann::json::parse(*bytes, nullptr, false);
  if (!parsed.is_array() || parsed.size() != 4) return std::nullopt;
  if (parsed[0] != std::string(wire_name(sort)) || parsed[1] != std::string(order_name(descending)))
    return std::nullopt;
  std::optional<std::int64_t> id = json_int64(parsed[3]);
  if (!id) return std::nullopt;
  ListPosition position;
  position.id = *id;
  if (sorts_by_number(sort)) {
    std::optional<std::int64_t> value = json_int64(parsed[2]);
    if (!value) return std::nullopt;
    position.sort_value = *value;
  } else {
    if (!parsed[2].is_string()) return std::nullopt;
    position.sort_value = parsed[2].get<std::string>();
  }
  return position;
}

}  // namespace hawzu::server
