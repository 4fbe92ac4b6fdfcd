// Reading project and test-case bodies and the test-case list query: trimmed names,
// length and character rules, unknown fields, wrong types, and the opaque cursor.
#include "services/id_cursor.h"
#include "services/project_request.h"
#include "services/test_case_request.h"
#include "services/text_rules.h"

#include <nlohmann/json.hpp>

#include <catch2/catch.hpp>

using namespace hawzu;
using namespace hawzu::server;
using nlohmann::json;

namespace {

std::vector<std::string> fields_of(const FieldErrors &errors) {
  std::vector<std::string> fields;
  for (const FieldError &error : errors) fields.push_back(error.field);
  return fields;
}

}  // namespace

TEST_CASE("a project body is trimmed and checked field by field") {
  ProjectChanges changes;
  CHECK(
      parse_project_create_request(json{{"name", "  Web App \t"}, {"description", "a\nb"}}, changes)
          .empty());
  CHECK(changes.name == "Web App");
  CHECK(changes.description == "a\nb");

  ProjectChanges ignored;
  CHECK(fields_of(parse_project_create_request(json::object(), ignored)) ==
        std::vector<std::string>{"name"});
  CHECK(fields_of(parse_project_create_request(json{{"name", std::string(81, 'x')}}, ignored)) ==
        std::vector<std::string>{"name"});
  CHECK(parse_project_create_request(json{{"name", std::string(80, 'x')}}, ignored).empty());
  // 80 characters, not bytes: "é" is two bytes.
  std::string accented;
  for (int i = 0; i < 80; ++i) accented += "\xC3\xA9";
  CHECK(parse_project_create_request(json{{"name", accented}}, ignored).empty());
  CHECK(fields_of(parse_project_create_request(json{{"name", "a\u2028b"}}, ignored)) ==
        std::vector<std::string>{"name"});
  CHECK(fields_of(parse_project_create_request(json{{"name", "ok"}, {"extra", 1}}, ignored)) ==
        std::vector<std::string>{"extra"});
  CHECK(fields_of(parse_project_create_request(json::array(), ignored)) ==
        std::vector<std::string>{""});
}

TEST_CASE("a project update may name any subset of the fields") {
  ProjectChanges changes;
  CHECK(parse_project_update_request(json::object(), changes).empty());
  CHECK_FALSE(changes.name);
  CHECK_FALSE(changes.description);
  CHECK(fields_of(parse_project_update_request(json{{"name", nullptr}}, changes)) ==
        std::vector<std::string>{"name"});
  CHECK(fields_of(parse_project_update_request(json{{"description", "x\x01y"}}, changes)) ==
        std::vector<std::string>{"description"});
}

TEST_CASE("a test-case body fills defaults and refuses bad priorities") {
  TestCaseChanges changes;
  CHECK(parse_test_case_create_request(json{{"title", " Sign in "}}, changes).empty());
  const TestCaseFields fields = changes.applied_to(TestCaseFields{});
  CHECK(fields.title == "Sign in");
  CHECK(fields.priority == TestCasePriority::medium);
  CHECK(fields.steps.empty());

  TestCaseChanges bad;
  CHECK(fields_of(parse_test_case_create_request(
            json{{"title", "t"}, {"priority", "urgent"}, {"steps", 3}}, bad)) ==
        std::vector<std::string>{"steps", "priority"});
  CHECK(fields_of(parse_test_case_update_request(json{{"title", ""}}, bad)) ==
        std::vector<std::string>{"title"});
  for (const char *priority : {"low", "medium", "high", "critical"}) {
    TestCaseChanges update;
    CHECK(parse_test_case_update_request(json{{"priority", priority}}, update).empty());
    CHECK(wire_name(*update.priority) == priority);
  }
}

TEST_CASE("the test-case list query is read strictly") {
  using Params = std::multimap<std::string, std::string>;
  Result<TestCaseListQuery> defaults = parse_test_case_list_query(Params{});
  REQUIRE(defaults);
  CHECK(defaults.value().limit == kDefaultTestCasePageSize);
  CHECK(defaults.value().after_id == 0);

  Result<TestCaseListQuery> paged =
      parse_test_case_list_query(Params{{"limit", "3"}, {"cursor", encode_id_cursor(42)}});
  REQUIRE(paged);
  CHECK(paged.value().limit == 3);
  CHECK(paged.value().after_id == 42);

  for (const Params &params :
       {Params{{"limit", "0"}}, Params{{"limit", "101"}}, Params{{"limit", "07"}},
        Params{{"limit", "-1"}}, Params{{"cursor", "nope"}}, Params{{"sort", "title"}},
        Params{{"limit", "1"}, {"limit", "2"}}}) {
    INFO(params.begin()->first << "=" << params.begin()->second);
    CHECK_FALSE(parse_test_case_list_query(params));
  }
}

TEST_CASE("id cursors round-trip and refuse anything else") {
  for (std::int64_t id : {1LL, 42LL, 999999999999999999LL}) {
    const std::string cursor = encode_id_cursor(id);
    CHECK(cursor.find_first_not_of(
              "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") ==
          std::string::npos);
    CHECK(decode_id_cursor(cursor) == id);
  }
  CHECK_FALSE(decode_id_cursor(""));
  CHECK_FALSE(decode_id_cursor("aWQ6"));      // "id:" without digits
  CHECK_FALSE(decode_id_cursor("aWQ6MDE"));   // "id:01"
  CHECK_FALSE(decode_id_cursor("eHg6NDI"));   // "xx:42"
  CHECK_FALSE(decode_id_cursor("aWQ6NDI="));  // padded
  CHECK_FALSE(decode_id_cursor(std::string(200, 'A')));
}

TEST_CASE("text rules count characters and refuse control characters") {
  CHECK(trim_ascii_space(" \t a b \r\n") == "a b");
  CHECK_FALSE(single_line_text_problem("abc", "Name", 3));
  CHECK(single_line_text_problem("abcd", "Name", 3) == "Name must be at most 3 characters.");
  CHECK(single_line_text_problem("", "Name", 3) == "Name is required.");
  CHECK(single_line_text_problem("a\nb", "Name", 3));
  CHECK(single_line_text_problem("a\x7F", "Name", 3));
  CHECK(single_line_text_problem("a\xC2\x85", "Name", 3));  // U+0085, a C1 control
  CHECK_FALSE(multi_line_text_problem("", "Notes", 3));
  CHECK_FALSE(multi_line_text_problem("a\nb", "Notes", 3));
  CHECK_FALSE(multi_line_text_problem("\t\r\n", "Notes", 3));
  CHECK(multi_line_text_problem("a\x1B", "Notes", 3));
}
