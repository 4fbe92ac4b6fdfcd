// JSON written straight as text, for the answers and log lines of the hot path (the
// Bearer GET /api/v1/workspaces and the access log) where building a nlohmann::json tree
// costs more than the rest of the work. The caller writes the punctuation of a fixed
// shape; this only gets the values right: strings escaped as nlohmann::json dumps them
// (quote, backslash and control characters escaped, UTF-8 kept as it is, each byte of
// malformed UTF-8 replaced by U+FFFD, as error_handler_t::replace does), integers in
// decimal. Not thread-safe (a value type).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace hawzu::server {

// Appends `text` as a JSON string, quotes included.
void append_json_string(std::string &out, std::string_view text);

// Appends `value` in decimal.
void append_json_integer(std::string &out, std::int64_t value);

// Appends `hundredths` / 100 with two decimals ("12.05"): durations in the access log.
void append_json_hundredths(std::string &out, std::int64_t hundredths);

}  // namespace hawzu::server
