#include "shared/json_number.h"

#include <nlohmann/json.hpp>

#include <limits>

namespace hawzu {

std::optional<std::int64_t> json_int64(const nlohmann::json &value) {
  if (value.is_number_unsigned()) {
    const std::uint64_t number = value.get<std::uint64_t>();
    if (number > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
      return std::nullopt;
    return static_cast<std::int64_t>(number);
  }
  if (value.is_number_integer()) return value.get<std::int64_t>();
  return std::nullopt;
}

}  // namespace hawzu
