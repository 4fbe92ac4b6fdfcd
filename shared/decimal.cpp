#include "shared/decimal.h"

#include <cassert>

namespace hawzu {

std::optional<std::int64_t> parse_positive_decimal(std::string_view text, std::int64_t max) {
  assert(max >= 1 && max <= kMaxDecimalId);
  if (text.empty() || text.size() > 18 || text[0] == '0') return std::nullopt;
  std::int64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  if (value > max) return std::nullopt;
  return value;
}

}  // namespace hawzu
