// The Unicode character properties the name rules need, without ICU: format characters,
// unassigned code points, white space and full case folding, from tables generated out
// of the Unicode Character Database (scripts/generate_unicode_tables.py). Shared by
// the server and the web app, so both apply the same Unicode version. Thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace hawzu::unicode {

// "15.0.0": the Unicode version of the tables.
const char *version();

// General_Category Cf: invisible characters that change how text around them shows
// (zero-width space and joiners, word joiner, bidirectional controls, soft hyphen,
// byte order mark, ...).
bool is_format_character(char32_t code_point);

// Not assigned to any character in this Unicode version (General_Category Cn,
// noncharacters included). Private-use code points count as assigned.
bool is_unassigned(char32_t code_point);

// The White_Space property (ASCII white space, no-break space, the Zs spaces, line and
// paragraph separators, next line, ...).
bool is_white_space(char32_t code_point);

// Appends the full case folding of `code_point` ("ß" → "ss", "É" → "é").
void append_case_folded(char32_t code_point, std::u32string &out);

// Strict UTF-8 (no overlong forms, no surrogates, nothing above U+10FFFF). False on
// the first malformed sequence.
bool decode_utf8(std::string_view text, std::u32string &code_points);
void append_utf8(char32_t code_point, std::string &out);

// "U+200B".
std::string code_point_label(char32_t code_point);

}  // namespace hawzu::unicode
