// The Unicode tables (shared/unicode_text.h) and the token-name rules built on them:
// format characters and unassigned code points are refused, Unicode white space is
// trimmed, and names collide by full case folding.
#include "shared/unicode_text.h"
#include "shared/access_token_request.h"

#include <catch2/catch.hpp>

#include <string>

using namespace hawzu;

namespace {

std::string key(const std::string &name) {
  return token_name_key(trim_token_name(name));
}

std::optional<std::string> problem(const std::string &name) {
  return token_name_problem(trim_token_name(name));
}

}  // namespace

TEST_CASE("format characters are category Cf", "[unicode]") {
  for (char32_t cp : {0x00AD, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C,
                      0x202D, 0x202E, 0x2060, 0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF, 0xE0001})
    CHECK(unicode::is_format_character(cp));
  for (char32_t cp : {0x41, 0x20, 0xE9, 0xA0, 0x2028, 0x1F600, 0x0301})
    CHECK_FALSE(unicode::is_format_character(cp));
}

TEST_CASE("unassigned code points", "[unicode]") {
  CHECK(unicode::is_unassigned(0x0378));    // a hole in Greek
  CHECK(unicode::is_unassigned(0xFDD0));    // a noncharacter
  CHECK(unicode::is_unassigned(0x10FFFF));  // a noncharacter
  CHECK(unicode::is_unassigned(0x2FFFF));
  CHECK(unicode::is_unassigned(0x110000));
  CHECK_FALSE(unicode::is_unassigned(U'A'));
  CHECK_FALSE(unicode::is_unassigned(0x4E00));   // in a CJK range
  CHECK_FALSE(unicode::is_unassigned(0x9FFF));   // the end of that range
  CHECK_FALSE(unicode::is_unassigned(0x1F600));  // an emoji
  CHECK_FALSE(unicode::is_unassigned(0xE000));   // private use counts as assigned
}

TEST_CASE("white space and case folding", "[unicode]") {
  for (char32_t cp :
       {0x20, 0x09, 0x0085, 0x00A0, 0x1680, 0x2000, 0x200A, 0x2028, 0x202F, 0x205F, 0x3000})
    CHECK(unicode::is_white_space(cp));
  CHECK_FALSE(unicode::is_white_space(0x200B));  // zero-width space is Cf, not white space
  CHECK_FALSE(unicode::is_white_space(U'x'));

  std::u32string folded;
  unicode::append_case_folded(U'ß', folded);
  CHECK(folded == U"ss");
  folded.clear();
  unicode::append_case_folded(U'É', folded);
  CHECK(folded == U"é");
  folded.clear();
  unicode::append_case_folded(0x1E9E, folded);  // capital sharp s
  CHECK(folded == U"ss");
  folded.clear();
  unicode::append_case_folded(U'7', folded);
  CHECK(folded == U"7");
}

TEST_CASE("names with invisible formatting characters are refused", "[names]") {
  const std::string base = "CI Runner";
  for (const char *invisible :
       {"\u200B", "\u200C", "\u200D", "\u2060", "\u202E", "\u2066", "\uFEFF", "\u00AD"}) {
    for (const std::string &name : {base + invisible, std::string(invisible) + base,
                                    "CI" + std::string(invisible) + " Runner"}) {
      auto message = problem(name);
      REQUIRE(message);
      CHECK(message->find("invisible formatting characters") != std::string::npos);
    }
  }
  auto message = problem("CI Runner\u200B");
  REQUIRE(message);
  CHECK(message->find("U+200B") != std::string::npos);
  // The browser's instruction names the character too.
  AccessTokenDraft draft;
  draft.name = "CI\u202E Runner";
  draft.access_type = AccessType::workspace;
  draft.workspace_role = WorkspaceRole::member;
  ValidationContext context{WorkspaceRole::owner, 1718452800};
  auto reason = first_blocking_reason(draft, context);
  REQUIRE(reason);
  CHECK(*reason == "Remove the invisible character U+202E from the token name.");
  FieldErrors errors = validate_access_token_draft(draft, context);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].field == "name");
}

TEST_CASE("names with unassigned code points are refused", "[names]") {
  auto message = problem("CI \xCD\xB8");  // U+0378
  REQUIRE(message);
  CHECK(message->find("U+0378") != std::string::npos);
  CHECK(message->find("not a character in Unicode") != std::string::npos);
  CHECK_FALSE(problem("CI 😀 Runner"));
  CHECK_FALSE(problem("Déploiement 東京"));
}

TEST_CASE("names are trimmed of Unicode white space", "[names]") {
  CHECK(trim_token_name("\u00A0\u3000CI Runner\u2003\t") == "CI Runner");
  CHECK(trim_token_name("\u00A0 \u2028") == "");
  CHECK(trim_token_name("CI\u00A0Runner") == "CI\u00A0Runner");  // inside: kept
  CHECK(trim_token_name("  ab\xFF  ") == "ab\xFF");              // not UTF-8: ASCII trim
  auto message = problem("\u3000\u00A0");
  REQUIRE(message);
  CHECK(*message == "Token name is required.");
}

TEST_CASE("names collide by full case folding", "[names]") {
  CHECK(key("ÉCOLE") == key("école"));
  CHECK(key("Straße") == key("STRASSE"));
  CHECK(key("straße") == key("strasse"));
  CHECK(key("CI Runner") == key("ci runner"));
  CHECK(key("ΣΊΣΥΦΟΣ") == key("σίσυφος"));
  CHECK(key(" CI Runner\u00A0") == key("ci runner"));
  CHECK(key("école") != key("ecole"));  // accents still count
  CHECK(key("école") == "école");
}
