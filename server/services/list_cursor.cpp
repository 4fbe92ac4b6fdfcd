#include "services/list_cursor.h"

#include <sodium.h>
#include <nlohmann/json.hpp>

#include <limits>
#include <vector>

namespace hawzu::server {
namespace {

const char *order_name(bool descending) {
  return descending ? "desc" : "asc";
}

bool sorts_by_number(TokenSort sort) {
  return sort == TokenSort::created_at || sort == TokenSort::expires_at;
}

// A JSON integer that fits std::int64_t (the parser reads non-negative ones as unsigned).
std::optional<std::int64_t> read_int64(const nlohmann::json &value) {
  if (value.is_number_unsigned()) {
    const std::uint64_t number = value.get<std::uint64_t>();
    if (number > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
      return std::nullopt;
    return static_cast<std::int64_t>(number);
  }
  if (value.is_number_integer()) return value.get<std::int64_t>();
  return std::nullopt;
}

}  // namespace

std::string_view wire_name(TokenSort sort) {
  switch (sort) {
    case TokenSort::name:
      return "name";
    case TokenSort::access_type:
      return "access_type";
    case TokenSort::created_by:
      return "created_by";
    case TokenSort::created_at:
      return "created_at";
    case TokenSort::expires_at:
      return "expires_at";
    case TokenSort::status:
      return "status";
  }
  return "";
}

std::optional<TokenSort> parse_token_sort(std::string_view wire) {
  for (TokenSort sort : {TokenSort::name, TokenSort::access_type, TokenSort::created_by,
                         TokenSort::created_at, TokenSort::expires_at, TokenSort::status})
    if (wire_name(sort) == wire) return sort;
  return std::nullopt;
}

std::string encode_list_cursor(TokenSort sort, bool descending, const ListPosition &position) {
  nlohmann::json value = position.sort_value.index() == 0
                             ? nlohmann::json(std::get<std::int64_t>(position.sort_value))
                             : nlohmann::json(std::get<std::string>(position.sort_value));
  const std::string text =
      nlohmann::json::array(
          {std::string(wire_name(sort)), std::string(order_name(descending)), value, position.id})
          .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  std::string encoded(
      sodium_base64_ENCODED_LEN(text.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(encoded.data(), encoded.size(),
                    reinterpret_cast<const unsigned char *>(text.data()), text.size(),
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  encoded.resize(encoded.find('\0'));
  return encoded;
}

std::optional<ListPosition> decode_list_cursor(std::string_view text, TokenSort sort,
                                               bool descending) {
  if (text.empty() || text.size() > kMaxCursorLength) return std::nullopt;
  std::vector<unsigned char> bytes(text.size());
  std::size_t length = 0;
  if (sodium_base642bin(bytes.data(), bytes.size(), text.data(), text.size(), nullptr, &length,
                        nullptr, sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0)
    return std::nullopt;
  nlohmann::json parsed =
      nlohmann::json::parse(bytes.begin(), bytes.begin() + length, nullptr, false);
  if (!parsed.is_array() || parsed.size() != 4) return std::nullopt;
  if (parsed[0] != std::string(wire_name(sort)) || parsed[1] != std::string(order_name(descending)))
    return std::nullopt;
  std::optional<std::int64_t> id = read_int64(parsed[3]);
  if (!id) return std::nullopt;
  ListPosition position;
  position.id = *id;
  if (sorts_by_number(sort)) {
    std::optional<std::int64_t> value = read_int64(parsed[2]);
    if (!value) return std::nullopt;
    position.sort_value = *value;
  } else {
    if (!parsed[2].is_string()) return std::nullopt;
    position.sort_value = parsed[2].get<std::string>();
  }
  return position;
}

}  // namespace hawzu::server
