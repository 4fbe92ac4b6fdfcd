// Rules for the free-text fields of the Hawzu API resources (project names and
// descriptions, test-case titles and bodies). The JSON parser has already refused
// invalid UTF-8 (json_body.h), so these count code points and look for characters that
// do not belong: a one-line field allows no control characters at all (C0, DEL, C1,
// U+2028, U+2029), a multi-line field allows line feed, carriage return and tab.
// Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace hawzu::server {

// `text` without leading and trailing ASCII white space (space, tab, CR, LF, FF, VT).
std::string trim_ascii_space(std::string_view text);

// What is wrong with a one-line text of 1..max_code_points code points, as a sentence
// starting with `label` ("Project name is required."), or nullopt when it is fine.
// REQUIRES: `text` is trimmed.
std::optional<std::string> single_line_text_problem(std::string_view text, std::string_view label,
                                                    std::size_t max_code_points);

// The same for a multi-line text of 0..max_code_points code points.
std::optional<std::string> multi_line_text_problem(std::string_view text, std::string_view label,
                                                   std::size_t max_code_points);

}  // namespace hawzu::server
