// Positive whole numbers written in plain decimal: ids in paths, query parameters and
// cursors, page sizes. One spelling per number: digits only, no sign, no leading zero,
// no spaces, at most 18 digits (every id stays below 10^18, so no overflow). Pure;
// thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace hawzu {

inline constexpr std::int64_t kMaxDecimalId = 999'999'999'999'999'999;  // 18 digits

// `text` as a number from 1 to `max`, or nullopt ("050", "0", "+5", "5 ", "" and any
// number above `max` are refused). REQUIRES: 1 <= max <= kMaxDecimalId.
std::optional<std::int64_t> parse_positive_decimal(std::string_view text,
                                                   std::int64_t max = kMaxDecimalId);

}  // namespace hawzu
