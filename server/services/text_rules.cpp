#include "services/text_rules.h"

#include <cassert>

namespace hawzu::server {
namespace {

bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

// Decodes the next code point of valid UTF-8 at `text[at]` and advances `at`.
// REQUIRES: `text` is valid UTF-8 (the JSON parser checked it).
char32_t next_code_point(std::string_view text, std::size_t &at) {
  assert(at < text.size());
  const auto lead = static_cast<unsigned char>(text[at++]);
  assert(lead < 0x80 || lead >= 0xC0);  // a lead byte, not a continuation byte
  int continuation_bytes = 0;
  char32_t code_point = lead;
  if (lead >= 0xF0) {
    code_point = lead & 0x07u;
    continuation_bytes = 3;
  } else if (lead >= 0xE0) {
    code_point = lead & 0x0Fu;
    continuation_bytes = 2;
  } else if (lead >= 0xC0) {
    code_point = lead & 0x1Fu;
    continuation_bytes = 1;
  }
  for (int i = 0; i < continuation_bytes && at < text.size(); ++i)
    code_point = (code_point << 6) | (static_cast<unsigned char>(text[at++]) & 0x3Fu);
  return code_point;
}

bool is_control(char32_t code_point) {
  return code_point < 0x20 || code_point == 0x7F || (code_point >= 0x80 && code_point <= 0x9F) ||
         code_point == 0x2028 || code_point == 0x2029;
}

// Counts code points; false when a control character other than the allowed ones
// appears.
bool count_code_points(std::string_view text, bool multi_line, std::size_t &count) {
  count = 0;
  std::size_t at = 0;
  while (at < text.size()) {
    const char32_t code_point = next_code_point(text, at);
    ++count;
    const bool allowed_break =
        multi_line && (code_point == U'\n' || code_point == U'\r' || code_point == U'\t');
    if (is_control(code_point) && !allowed_break) return false;
  }
  return true;
}

std::optional<std::string> text_problem(std::string_view text, std::string_view label,
                                        std::size_t min_code_points, std::size_t max_code_points,
                                        bool multi_line) {
  std::size_t count = 0;
  if (!count_code_points(text, multi_line, count))
    return std::string(label) +
           (multi_line ? " must not contain control characters other than line breaks and tabs."
                       : " must not contain control characters or line breaks.");
  if (count < min_code_points) return std::string(label) + " is required.";
  if (count > max_code_points)
    return std::string(label) + " must be at most " + std::to_string(max_code_points) +
           " characters.";
  return std::nullopt;
}

}  // namespace

std::string trim_ascii_space(std::string_view text) {
  std::size_t begin = 0;
  std::size_t end = text.size();
  while (begin < end && is_ascii_space(text[begin])) ++begin;
  while (end > begin && is_ascii_space(text[end - 1])) --end;
  return std::string(text.substr(begin, end - begin));
}

std::optional<std::string> single_line_text_problem(std::string_view text, std::string_view label,
                                                    std::size_t max_code_points) {
  assert(text == trim_ascii_space(text));
  return text_problem(text, label, 1, max_code_points, false);
}

std::optional<std::string> multi_line_text_problem(std::string_view text, std::string_view label,
                                                   std::size_t max_code_points) {
  return text_problem(text, label, 0, max_code_points, true);
}

}  // namespace hawzu::server
