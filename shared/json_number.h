// Whole numbers read from JSON: the one rule for ids, offsets and cursor values in
// request bodies, API objects and cursors. Pure; thread-safe.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <optional>

namespace hawzu {

// A JSON integer that fits std::int64_t, or nullopt. Other JSON numbers (5.0, 1e3) are not
// integers; the parser reads non-negative integers as unsigned, so those above
// INT64_MAX are refused here rather than wrapped.
std::optional<std::int64_t> json_int64(const nlohmann::json &value);

}  // namespace hawzu
