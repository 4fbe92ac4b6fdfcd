// Reading a JSON request body without letting an exception or a pathological document
// through: malformed JSON, invalid UTF-8 and nesting deeper than kMaxJsonDepth are
// 400 malformed_json.
#pragma once

#include "httplib_config.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string_view>

namespace hawzu::server {

inline constexpr int kMaxJsonDepth = 32;

// The nesting depth of the arrays and objects in `text` (strings skipped), counted
// without parsing; stops counting once past `limit`.
int json_nesting_depth(std::string_view text, int limit);

// The parsed body, or nullopt after sending a 400 problem.
std::optional<nlohmann::json> read_json_body(const httplib::Request &request,
                                             httplib::Response &response);

}  // namespace hawzu::server
