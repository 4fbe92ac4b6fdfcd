// The opaque `cursor` of lists ordered by id (the test cases of a project): the last id
// of the page, as base64url without padding so it can go into a URL as is. Opaque on
// purpose: clients pass back next_cursor and never build one, so the encoding can change.
// Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hawzu::server {

// REQUIRES: after_id > 0.
std::string encode_id_cursor(std::int64_t after_id);

// The id a cursor continues after, or nullopt when `text` is not such a cursor.
std::optional<std::int64_t> decode_id_cursor(std::string_view text);

}  // namespace hawzu::server
