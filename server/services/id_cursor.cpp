#include "services/id_cursor.h"

#include "shared/decimal.h"
#include "util/base64url.h"

#include <cassert>

namespace hawzu::server {
namespace {

// "id:" and the id in decimal (shared/decimal.h: ids stay below 10^18).
constexpr std::string_view kPrefix = "id:";
constexpr std::size_t kMaxIdCursorLength = 32;

}  // namespace

std::string encode_id_cursor(std::int64_t after_id) {
  assert(after_id > 0);
  const std::string text = std::string(kPrefix) + std::to_string(after_id);
  return encode_base64url(text);
}

std::optional<std::int64_t> decode_id_cursor(std::string_view text) {
  if (text.empty() || text.size() > kMaxIdCursorLength) return std::nullopt;
  const std::optional<std::string> bytes = decode_base64url(text);
  if (!bytes) return std::nullopt;
  const std::string_view decoded = *bytes;
  if (decoded.substr(0, kPrefix.size()) != kPrefix) return std::nullopt;
  return parse_positive_decimal(decoded.substr(kPrefix.size()));
}

}  // namespace hawzu::server
