// libFuzzer target: every parser of short text that arrives from outside: the token
// format (Authorization headers), identifiers (search), ISO dates and RFC 3339 times
// (query filters), and token names. Checks round-trip properties as well as safety.
#include "shared/access_token_request.h"
#include "shared/calendar.h"
#include "shared/token_format.h"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const std::string text(reinterpret_cast<const char *>(data), size);

  if (hawzu::is_well_formed_token(text)) {
    const std::string identifier = hawzu::token_identifier(text);
    if (!hawzu::looks_like_identifier(identifier)) __builtin_trap();
    // A well-formed token is exactly what assemble_token makes of its random part.
    const std::string random_part =
        text.substr(hawzu::kTokenPrefix.size(), hawzu::kTokenRandomLength);
    if (hawzu::assemble_token(random_part) != text) __builtin_trap();
  }
  (void)hawzu::looks_like_identifier(text);

  if (auto date = hawzu::parse_iso_date(text)) {
    if (!hawzu::is_valid_date(*date)) __builtin_trap();
    if (hawzu::format_iso_date(*date) != text) __builtin_trap();
    if (hawzu::civil_from_days(hawzu::days_from_civil(*date)) != *date) __builtin_trap();
    (void)hawzu::add_months_clamped(*date, 12);
  }
  if (auto instant = hawzu::parse_rfc3339_utc(text)) {
    if (hawzu::format_rfc3339_utc(*instant) != text) __builtin_trap();
  }

  const std::string trimmed = hawzu::trim_token_name(text);
  (void)hawzu::token_name_problem(trimmed);
  (void)hawzu::token_name_key(trimmed);
  return 0;
}
