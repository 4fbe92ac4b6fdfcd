// Positive whole numbers in plain decimal: the one rule for ids, page sizes and limits.
#include "shared/decimal.h"

#include <catch2/catch.hpp>

using namespace hawzu;

TEST_CASE("parse_positive_decimal reads plain positive decimal numbers", "[decimal]") {
  CHECK(parse_positive_decimal("1") == std::int64_t{1});
  CHECK(parse_positive_decimal("42") == std::int64_t{42});
  CHECK(parse_positive_decimal("100", 100) == std::int64_t{100});
  CHECK(parse_positive_decimal("999999999999999999") == kMaxDecimalId);
}

TEST_CASE("parse_positive_decimal refuses every other spelling", "[decimal]") {
  for (const char *text : {"", "0", "00", "050", "01", "-1", "+1", " 1", "1 ", "1.0", "1e3", "0x10",
                           "abc", "1000000000000000000", "99999999999999999999"})
    CHECK_FALSE(parse_positive_decimal(text).has_value());
}

TEST_CASE("parse_positive_decimal refuses numbers above the maximum", "[decimal]") {
  CHECK(parse_positive_decimal("50", 50) == std::int64_t{50});
  CHECK_FALSE(parse_positive_decimal("51", 50).has_value());
  CHECK_FALSE(parse_positive_decimal("101", 100).has_value());
}
