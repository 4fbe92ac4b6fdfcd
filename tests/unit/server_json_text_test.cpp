// JSON written as text (util/json_text.h, http/json_views.h workspace_list_text): the
// same JSON as nlohmann::json dumps, for the values the hot path writes.
#include "http/json_views.h"
#include "util/json_text.h"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <string>

using namespace hawzu;
using namespace hawzu::server;

namespace {

std::string as_json_string(std::string_view text) {
  std::string out;
  append_json_string(out, text);
  return out;
}

std::string dumped(const std::string &text) {
  return nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

TEST_CASE("strings are escaped as nlohmann::json dumps them") {
  for (const std::string &text :
       {std::string(), std::string("plain /api/v1/workspaces"), std::string("quote \" back \\"),
        std::string("controls \b\f\n\r\t \x01\x1f end"), std::string("\x7f delete"),
        std::string("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80")}) {
    INFO(text);
    CHECK(as_json_string(text) == dumped(text));
  }
}

TEST_CASE("malformed UTF-8 becomes U+FFFD, never invalid JSON") {
  for (const std::string &text :
       {std::string("\xff"), std::string("a\xc3"), std::string("\xc0\xaf"),
        std::string("\xed\xa0\x80"), std::string("\xf4\x90\x80\x80"), std::string("x\x80y")}) {
    INFO(text);
    const std::string out = as_json_string(text);
    CHECK(out.find("\xef\xbf\xbd") != std::string::npos);
    CHECK_NOTHROW(nlohmann::json::parse(out));
  }
}

TEST_CASE("integers and hundredths") {
  std::string out;
  append_json_integer(out, -9223372036854775807 - 1);
  CHECK(out == "-9223372036854775808");
  out.clear();
  append_json_hundredths(out, 1205);
  CHECK(out == "12.05");
  out.clear();
  append_json_hundredths(out, 7);
  CHECK(out == "0.07");
}

TEST_CASE("the workspace list as text is the JSON of workspace_json") {
  std::vector<WorkspaceView> workspaces = {
      {12, "Acme \"QA\"", WorkspaceRole::manager, permissions_of(WorkspaceRole::manager)},
      {13, "Project only", std::nullopt, {}},
  };
  nlohmann::json items = nlohmann::json::array();
  for (const WorkspaceView &workspace : workspaces) items.push_back(workspace_json(workspace));
  CHECK(nlohmann::json::parse(workspace_list_text(workspaces)) == nlohmann::json{{"items", items}});
  CHECK(workspace_list_text({}) == R"({"items":[]})");
}
