#include "shared/unicode_text.h"

#include "shared/unicode_tables.h"

#include <algorithm>
#include <cstdio>

namespace hawzu::unicode {
namespace {

using unicode_tables::CaseFold;
using unicode_tables::CodePointRange;

bool in_ranges(const CodePointRange *ranges, std::size_t count, char32_t code_point) {
  const CodePointRange *end = ranges + count;
  // The first range whose last code point is at or after code_point.
  const CodePointRange *found = std::lower_bound(
      ranges, end, code_point,
      [](const CodePointRange &range, char32_t value) { return range.last < value; });
  return found != end && found->first <= code_point;
}

}  // namespace

const char *version() {
  return unicode_tables::unicode_version;
}

bool is_format_character(char32_t code_point) {
  return in_ranges(unicode_tables::format_characters, unicode_tables::format_characters_count,
                   code_point);
}

bool is_unassigned(char32_t code_point) {
  return code_point > 0x10FFFF ||
         !in_ranges(unicode_tables::assigned, unicode_tables::assigned_count, code_point);
}

bool is_white_space(char32_t code_point) {
  return in_ranges(unicode_tables::white_space, unicode_tables::white_space_count, code_point);
}

void append_case_folded(char32_t code_point, std::u32string &out) {
  const CaseFold *begin = unicode_tables::case_folds;
  const CaseFold *end = begin + unicode_tables::case_folds_count;
  const CaseFold *found = std::lower_bound(
      begin, end, code_point,
      [](const CaseFold &fold, char32_t value) { return fold.code_point < value; });
  if (found == end || found->code_point != code_point) {
    out.push_back(code_point);
    return;
  }
  for (char32_t folded : found->folded)
    if (folded != 0) out.push_back(folded);
}

bool decode_utf8(std::string_view text, std::u32string &code_points) {
  code_points.clear();
  std::size_t i = 0;
  while (i < text.size()) {
    const unsigned char lead = static_cast<unsigned char>(text[i]);
    std::size_t length = 0;
    char32_t code_point = 0;
    unsigned char second_min = 0x80;
    unsigned char second_max = 0xBF;
    if (lead < 0x80) {
      length = 1;
      code_point = lead;
    } else if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
      code_point = lead & 0x1Fu;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3;
      code_point = lead & 0x0Fu;
      if (lead == 0xE0) second_min = 0xA0;  // no overlong forms
      if (lead == 0xED) second_max = 0x9F;  // no UTF-16 surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4;
      code_point = lead & 0x07u;
      if (lead == 0xF0) second_min = 0x90;  // no overlong forms
      if (lead == 0xF4) second_max = 0x8F;  // nothing above U+10FFFF
    } else {
      return false;
    }
    if (i + length > text.size()) return false;
    for (std::size_t k = 1; k < length; ++k) {
      const unsigned char continuation = static_cast<unsigned char>(text[i + k]);
      const unsigned char min = k == 1 ? second_min : 0x80;
      const unsigned char max = k == 1 ? second_max : 0xBF;
      if (continuation < min || continuation > max) return false;
      code_point = (code_point << 6) | (continuation & 0x3Fu);
    }
    code_points.push_back(code_point);
    i += length;
  }
  return true;
}

void append_utf8(char32_t code_point, std::string &out) {
  if (code_point < 0x80) {
    out.push_back(static_cast<char>(code_point));
  } else if (code_point < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (code_point >> 6)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else if (code_point < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (code_point >> 12)));
    out.push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (code_point >> 18)));
    out.push_back(static_cast<char>(0x80 | ((code_point >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  }
}

std::string code_point_label(char32_t code_point) {
  char text[16];
  std::snprintf(text, sizeof text, "U+%04X", static_cast<unsigned>(code_point));
  return text;
}

}  // namespace hawzu::unicode
